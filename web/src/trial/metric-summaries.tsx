import { formatNumber } from '../../../src/core/format.js';
import type { TrialDetail } from '../../../src/sdk/index.js';
import { formatPlusMinus } from '../data/format.js';

/** Each metric over the trial's finished seeds: mean ± CI, spread and extremes. */
export function MetricSummaries({
  metrics,
  primary,
}: {
  metrics: TrialDetail['metrics'];
  primary: string | null;
}) {
  const keys = Object.keys(metrics).sort(
    (a, b) => Number(b === primary) - Number(a === primary) || (a < b ? -1 : 1),
  );
  return (
    <div className="card">
      <h2>Metrics over the seeds</h2>
      {keys.length === 0 ? (
        <p className="muted">No finished seed has logged a metric yet.</p>
      ) : (
        <table className="grid compact">
          <thead>
            <tr>
              <th>Metric</th>
              <th className="num">n</th>
              <th className="num">mean ± 95% CI</th>
              <th className="num">sd</th>
              <th className="num">min</th>
              <th className="num">max</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const m = metrics[key]!;
              return (
                <tr key={key}>
                  <td>{key === primary ? <strong>{key}</strong> : key}</td>
                  <td className="num">{m.n}</td>
                  <td className="num">{formatPlusMinus(m.mean, m.ci)}</td>
                  <td className="num">{formatNumber(m.sd)}</td>
                  <td className="num">{formatNumber(m.min)}</td>
                  <td className="num">{formatNumber(m.max)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
