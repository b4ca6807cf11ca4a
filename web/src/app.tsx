import { Link } from './link.js';
import { useLocation } from './location.js';
import { NotFoundPage } from './pages/not-found.js';
import { ProjectPage } from './pages/project.js';
import { ProjectsPage } from './pages/projects.js';
import { parseRoute } from './routes.js';

export function App() {
  const { pathname } = useLocation();
  const route = parseRoute(pathname);
  return (
    <div className="app">
      <header className="topbar">
        <Link href="/" className="brand">
          Ratchet
        </Link>
      </header>
      <main className="content">
        {route.page === 'projects' ? (
          <ProjectsPage />
        ) : route.page === 'project' ? (
          <ProjectPage key={route.project} name={route.project} />
        ) : (
          <NotFoundPage path={pathname} />
        )}
      </main>
    </div>
  );
}
