import type { TrialDetail } from '../../../src/sdk/index.js';
import { useSearchParam } from '../ui/use-search-param.js';

/**
 * The trial's metric across steps: the seeds' mean with a t band computed on the server, individual seeds on
 * demand. The metric and the seeds toggle live in the URL (`?key=…&seeds=1`).
 */
export function Curves({ trial, defaultKey }: { trial: TrialDetail; defaultKey: string | null }) {
  const [keyParam, setKey] = useSearchParam('key');
  const [seedsParam, setSeeds] = useSearchParam('seeds');
  const keys = Object.keys(trial.metrics).sort();
  const key = keyParam ?? defaultKey ?? keys[0] ?? null;
  const showSeeds = seedsParam === '1';
  return (
    <section>
      <header className="section-header">
        <h2>Curves</h2>
        <label className="toggle">
          metric
          <select
            value={key ?? ''}
            onChange={(e) => setKey(e.target.value === defaultKey ? undefined : e.target.value)}
          >
            {keys.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="seed-toggle"
            checked={showSeeds}
            onChange={() => setSeeds(showSeeds ? undefined : '1')}
          />
          show each seed
        </label>
      </header>
      <div className="chart-frame" data-testid="curves-chart">
        <p className="muted">The seeds' mean and band of {key} across steps will be drawn here.</p>
      </div>
    </section>
  );
}
