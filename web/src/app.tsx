import { Link } from './link.js';
import { LiveIndicator } from './live/live-indicator.js';
import { useProjectLive } from './live/use-project-live.js';
import { useLocation } from './location.js';
import { ComparePage } from './pages/compare/compare-page.js';
import { NotFoundPage } from './pages/not-found.js';
import { ProjectPage } from './pages/project.js';
import { ProjectsPage } from './pages/projects.js';
import { RunsPage } from './pages/runs/runs-page.js';
import { parseRoute } from './routes.js';

export function App() {
  const { pathname } = useLocation();
  const route = parseRoute(pathname);
  useProjectLive('project' in route ? route.project : null);
  return (
    <div className="app">
      <header className="topbar">
        <Link href="/" className="brand">
          Ratchet
        </Link>
        <LiveIndicator />
      </header>
      <main className="content">
        {route.page === 'projects' ? (
          <ProjectsPage />
        ) : route.page === 'project' ? (
          <ProjectPage key={route.project} name={route.project} />
        ) : route.page === 'compare' ? (
          <ComparePage />
        ) : route.page === 'runs' ? (
          <RunsPage key={route.project} project={route.project} />
        ) : (
          <NotFoundPage path={pathname} />
        )}
      </main>
    </div>
  );
}
