import type { Run } from '../../../src/sdk/index.js';
import { runRow } from '../data/runs.js';

/** The trial's runs, one per seed: status, duration, params, environment, and their artifacts and logs. */
export function TrialRuns({ runs }: { runs: readonly Run[] }) {
  const now = Date.now();
  return (
    <section>
      <h2>Runs</h2>
      <table className="grid" data-testid="trial-runs">
        <thead>
          <tr>
            <th>Run</th>
            <th className="num">Seed</th>
            <th>Status</th>
            <th className="num">Duration</th>
            <th>Params</th>
            <th>Environment</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const row = runRow(run, now);
            return (
              <tr key={row.id}>
                <td>
                  {row.name} <span className="muted mono small">{row.id.slice(0, 8)}</span>
                </td>
                <td className="num">{row.seed}</td>
                <td>
                  <span className={`status status-${row.status.toLowerCase()}`}>
                    {row.status.toLowerCase()}
                  </span>
                </td>
                <td className="num">{row.duration}</td>
                <td className="clip" title={row.params}>
                  {row.params}
                </td>
                <td className="clip" title={row.environment}>
                  {row.environment}
                </td>
                <td>
                  <a href={row.artifactsHref}>artifacts</a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
