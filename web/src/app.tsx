import { SignOutButton } from './auth/sign-out.js';
import { Link } from './link.js';
import { LiveIndicator } from './live/live-indicator.js';
import { useProjectLive } from './live/use-project-live.js';
import { useLocation } from './location.js';
import { AliasesPage } from './pages/aliases-page.js';
import { ComparePage } from './pages/compare/compare-page.js';
import { ErrorsPage } from './pages/errors/errors-page.js';
import { ModelsPage } from './pages/models.js';
import { NotFoundPage } from './pages/not-found.js';
import { PredictionsPage } from './pages/predictions/predictions-page.js';
import { ProjectPage } from './pages/project.js';
import { ProjectsPage } from './pages/projects.js';
import { RunsPage } from './pages/runs/runs-page.js';
import { TrialPage } from './pages/trial.js';
import { parseRoute, type Route } from './routes.js';

export function App() {
  const { pathname } = useLocation();
  const route = parseRoute(pathname);
  const project = 'project' in route ? route.project : null;
  useProjectLive(project);
  return (
    <div className="app">
      <header className="topbar">
        <Link href="/" className="brand">
          Ratchet
        </Link>
        <Link href="/models" className="header-link">
          Models
        </Link>
        {/* Only a project's pages follow a change stream; elsewhere "offline" would only alarm. */}
        {project !== null && <LiveIndicator />}
        <SignOutButton />
      </header>
      <main className="content">
        <Page route={route} />
      </main>
    </div>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'projects':
      return <ProjectsPage />;
    case 'project':
      return <ProjectPage key={route.project} name={route.project} />;
    case 'runs':
      return <RunsPage key={route.project} project={route.project} />;
    case 'trial':
      return (
        <TrialPage key={`${route.project}#${route.number}`} project={route.project} number={route.number} />
      );
    case 'compare':
      return <ComparePage />;
    case 'models':
      return <ModelsPage />;
    case 'predictions':
      return <PredictionsPage key={route.model} model={route.model} />;
    case 'errors':
      return <ErrorsPage key={route.model} model={route.model} />;
    case 'aliases':
      return <AliasesPage key={route.model} model={route.model} />;
    case 'not-found':
      return <NotFoundPage path={route.path} />;
  }
}
