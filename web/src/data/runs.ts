import { runConfig } from '../../../src/core/change-set.js';
import { formatHours } from '../../../src/core/format.js';
import type { Run } from '../../../src/sdk/index.js';

/** A trial's run as its table shows it: status, seed, duration, params and environment as text. */
export interface RunRow {
  id: string;
  name: string;
  seed: string;
  status: Run['status'];
  duration: string;
  params: string;
  environment: string;
  /** The run's artifacts as the MLflow API lists them (logs are artifacts too). */
  artifactsHref: string;
}

export function runRow(run: Run, now: number): RunRow {
  const config = runConfig(run);
  const ended = run.end_time ?? (run.status === 'RUNNING' ? now : null);
  return {
    id: run.id,
    name: run.name,
    seed: run.seed === null ? '' : String(run.seed),
    status: run.status,
    duration: ended === null ? '' : formatHours(Math.max(0, ended - run.start_time) / 3_600_000),
    params: keyValues(run.params),
    environment: keyValues({
      ...config.environment,
      ...(config.codeVersion === null ? {} : { code: config.codeVersion }),
    }),
    artifactsHref: `/api/2.0/mlflow/artifacts/list?run_id=${encodeURIComponent(run.id)}`,
  };
}

/** "a=1, b=2", sorted by key. */
export function keyValues(map: Record<string, string>): string {
  return Object.entries(map)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}
