import { useQuery } from '@tanstack/react-query';
import { formatNumber } from '../../../src/core/format.js';
import { queries } from '../queries.js';

/** How much the primary metric moves between the baseline's seeds, and the smallest difference it lets through. */
export function NoiseFloorCard({ projectId }: { projectId: string }) {
  const noise = useQuery(queries.noise(projectId));
  const report = noise.data;
  const floor = report?.floor;
  return (
    <div className="card" data-testid="noise-floor">
      <h2>Noise floor</h2>
      {report && !floor && <p className="muted">Unknown: the baseline needs 2 finished seeds.</p>}
      {floor && (
        <dl className="facts">
          <dt>seed spread</dt>
          <dd>
            sd {formatNumber(floor.sd)} over {floor.seeds} seeds
          </dd>
          <dt>detectable</dt>
          <dd>
            {formatNumber(floor.detectable_effect)} with {floor.seeds} seeds/arm
          </dd>
          {floor.eval_set_standard_error !== null && (
            <>
              <dt>eval-set SE</dt>
              <dd>
                {formatNumber(floor.eval_set_standard_error)} (n = {floor.eval_set_size})
              </dd>
            </>
          )}
          {report.aa && (
            <>
              <dt>A/A check</dt>
              <dd>
                {report.aa.false_alarms} of {report.aa.splits} splits looked different
              </dd>
            </>
          )}
        </dl>
      )}
      {report?.notes.map((note) => (
        <p key={note} className="muted small">
          {note}
        </p>
      ))}
    </div>
  );
}
