import { Link } from '../link.js';

export function NotFoundPage({ path }: { path: string }) {
  return (
    <section>
      <h1>Nothing here</h1>
      <p>
        The UI has no page at <code>{path}</code>. <Link href="/">All projects</Link>
      </p>
    </section>
  );
}
