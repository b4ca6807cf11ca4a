import { useQuery } from '@tanstack/react-query';
import { ratchet } from '../api.js';
import { Link } from '../link.js';
import { routePath } from '../routes.js';

export function ProjectsPage() {
  const projects = useQuery({ queryKey: ['projects'], queryFn: () => ratchet.projects.list() });
  if (projects.isPending) return <p className="muted">Loading projects…</p>;
  if (projects.isError) return <p className="error">{projects.error.message}</p>;
  if (projects.data.length === 0) {
    return (
      <section className="empty">
        <h1>No projects yet</h1>
        <p>
          Create one with{' '}
          <code>npx ratchet project create my-project --metric accuracy --direction maximize</code>
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>Projects</h1>
      <ul>
        {projects.data.map((p) => (
          <li key={p.id}>
            <Link href={routePath({ page: 'project', project: p.name })}>{p.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
