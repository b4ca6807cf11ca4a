import { useQuery } from '@tanstack/react-query';
import { formatChanges, formatDate, formatForced } from '../../../src/core/format.js';
import type { Project } from '../../../src/sdk/index.js';
import { baselineText } from '../data/baseline.js';
import { formatInterval } from '../data/format.js';
import { Link } from '../link.js';
import { queries } from '../queries.js';
import { routePath } from '../routes.js';

/** The baseline: its metric with CI, its seeds, since when, and which change made it. */
export function BaselineCard({ project }: { project: Project }) {
  const status = useQuery(queries.status(project.id));
  const current = status.data?.baseline;
  const trial = useQuery({
    ...queries.trial(current?.trial_id ?? ''),
    enabled: current !== undefined && current !== null,
  });
  const promotions = useQuery(queries.promotions(project.id));
  const metric = project.primary_metric;
  if (status.data && !current) {
    return (
      <div className="card" data-testid="baseline-card">
        <h2>Baseline</h2>
        <p>No baseline yet. A simple heuristic is a fine first one:</p>
        <code>npx ratchet baseline set {project.name}#1</code>
      </div>
    );
  }
  const detail = trial.data;
  const summary = metric === null ? undefined : detail?.metrics[metric];
  const promotion = promotions.data?.findLast((p) => p.trial_id === current?.trial_id);
  return (
    <div className="card" data-testid="baseline-card">
      <h2>Baseline</h2>
      {current && detail && (
        <>
          <p className="big-number">
            {metric !== null && baselineText(detail, metric)}
            <span className="muted"> {metric}</span>
          </p>
          {summary && (
            <p className="muted">
              {formatInterval(summary.ci)} · {summary.n} seeds
            </p>
          )}
          <p>
            <Link href={routePath({ page: 'trial', project: project.name, number: current.number })}>
              #{current.number}
            </Link>{' '}
            {detail.hypothesis}
          </p>
          <p className="muted">
            since {formatDate(current.since)} · {formatChanges(detail.parent_trial_id, detail.change_set)}
            {promotion?.forced && ` · ${formatForced(promotion)}`}
          </p>
        </>
      )}
    </div>
  );
}
