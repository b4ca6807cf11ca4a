import { useQuery } from '@tanstack/react-query';
import { NewProjectForm } from '../projects/new-project-form.js';
import { ProjectRow } from '../projects/project-row.js';
import { queries } from '../queries.js';
import { QueryState } from '../ui/query-state.js';

export function ProjectsPage() {
  const projects = useQuery(queries.projects());
  return (
    <section>
      <h1>Projects</h1>
      <QueryState query={projects} what="projects">
        {(list) =>
          list.length === 0 ? (
            <EmptyState />
          ) : (
            <table className="grid">
              <thead>
                <tr>
                  <th>Project</th>
                  <th>Metric</th>
                  <th className="num">Baseline</th>
                  <th>Last promotion</th>
                  <th className="num">Trials</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <ProjectRow key={p.id} project={p} />
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <NewProjectForm />
    </section>
  );
}

function EmptyState() {
  return (
    <div className="empty" data-testid="empty-state">
      <p>No projects yet. Create one here, or from a terminal:</p>
      <pre>
        <code>
          npx ratchet project create my-project --metric accuracy --direction maximize --uri{' '}
          {window.location.origin}
        </code>
      </pre>
      <p className="muted">
        Or run the demo (<code>npm start</code> in a checkout): a real experiment with a baseline and three
        trials.
      </p>
    </div>
  );
}
