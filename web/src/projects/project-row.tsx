import { useQuery } from '@tanstack/react-query';
import { formatDate } from '../../../src/core/format.js';
import type { Project } from '../../../src/sdk/index.js';
import { baselineText } from '../data/baseline.js';
import { Link } from '../link.js';
import { queries } from '../queries.js';
import { routePath } from '../routes.js';

/** One project: its baseline ± CI, last promotion, trials and whether it stalled. */
export function ProjectRow({ project }: { project: Project }) {
  const status = useQuery(queries.status(project.id));
  const baselineId = status.data?.baseline?.trial_id;
  const baseline = useQuery({ ...queries.trial(baselineId ?? ''), enabled: baselineId !== undefined });
  const metric = project.primary_metric;
  return (
    <tr data-testid="project-row">
      <td>
        <Link href={routePath({ page: 'project', project: project.name })}>{project.name}</Link>
      </td>
      <td className="muted">
        {metric ?? 'no metric'}
        {project.direction && <span> · {project.direction}</span>}
      </td>
      <td className="num">
        {status.data && !status.data.baseline ? (
          <span className="muted">no baseline</span>
        ) : (
          baseline.data && metric !== null && baselineText(baseline.data, metric)
        )}
      </td>
      <td>
        {status.data?.baseline && (
          <>
            #{status.data.baseline.number}{' '}
            <span className="muted">{formatDate(status.data.baseline.since)}</span>
          </>
        )}
      </td>
      <td className="num">{status.data?.trials.total}</td>
      <td>{status.data?.stalled && <span className="badge badge-stalled">stalled</span>}</td>
    </tr>
  );
}
