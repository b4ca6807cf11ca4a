import { usePrefetchQuery, useQuery } from '@tanstack/react-query';
import type { Project } from '../../../src/sdk/index.js';
import { BaselineCard } from '../dashboard/baseline-card.js';
import { NoiseFloorCard } from '../dashboard/noise-floor.js';
import { Notebook } from '../dashboard/notebook.js';
import { ProgressChart } from '../dashboard/progress-chart.js';
import { StatusBanner } from '../dashboard/status-banner.js';
import { Link } from '../link.js';
import { queries } from '../queries.js';
import { routePath } from '../routes.js';
import { QueryState } from '../ui/query-state.js';

/** A project's dashboard: where the baseline stands, how it got there, and every trial on the way. */
export function ProjectPage({ name }: { name: string }) {
  const project = useQuery(queries.projectByName(name));
  return (
    <QueryState query={project} what="the project">
      {(p) => <Dashboard project={p} />}
    </QueryState>
  );
}

function Dashboard({ project: p }: { project: Project }) {
  // The chart's columns are the largest answer: asked for while rendering, before the cards' queries.
  usePrefetchQuery(queries.progress(p.id));
  return (
    <section className="dashboard">
      <header className="page-header">
        <h1>{p.name}</h1>
        <span className="muted">
          {p.primary_metric ?? 'no primary metric'}
          {p.direction && ` · ${p.direction}`}
        </span>
        <Link className="header-link" href={routePath({ page: 'runs', project: p.name })}>
          Runs explorer →
        </Link>
      </header>
      {p.description && <p className="muted">{p.description}</p>}
      <StatusBanner projectId={p.id} />
      <div className="cards">
        <BaselineCard project={p} />
        <NoiseFloorCard projectId={p.id} />
      </div>
      <ProgressChart project={p} />
      <Notebook project={p} />
    </section>
  );
}
