import { join } from 'node:path';
import { seedRuns } from './seed-runs.js';
import { getJson, p50, report, scale, scratchDir, startServer } from './support.js';

/**
 * The UI's runs table: GET /api/v1/projects/{id}/table for 50,000 runs × 5 columns (2 params, a tag, 2
 * metrics) in one page, against GET /api/v1/runs for the same page (every param, tag and metric of each
 * run, as objects), both over HTTP to a `ratchet server` process (SQLite). Also the project's keys.
 */
const RUNS = Math.max(1000, Math.round(50_000 * scale));
const COLUMNS = ['params.lr', 'params.layers', 'tags.team', 'metrics.loss', 'metrics.accuracy'];

/** Runs with three params, two tags and three metrics each. */
const seed = (location: string) =>
  seedRuns(location, 'table', RUNS, {
    params: (i) => ({ lr: `0.00${i % 10}`, layers: String(i % 7), optimizer: i % 2 ? 'adam' : 'sgd' }),
    tags: (i) => ({ team: ['vision', 'nlp', 'speech'][i % 3]!, owner: `user${i % 50}` }),
    metrics: (i) => ({
      loss: ((i * 7919) % 1000) / 1000,
      accuracy: ((i * 104729) % 1000) / 1000,
      val_loss: ((i * 31) % 1000) / 1000,
    }),
  });

export default async function bench(): Promise<void> {
  const dir = scratchDir('table');
  const location = join(dir, 'table.db');
  const projectId = await seed(location);
  const server = await startServer(location);
  const page = `max_results=${RUNS}&order_by=metrics.accuracy%20DESC`;
  const tableUrl = `${server.url}/api/v1/projects/${projectId}/table?${page}&columns=${COLUMNS.join(',')}`;
  const runsUrl = `${server.url}/api/v1/runs?project_id=${projectId}&${page}`;
  const keysUrl = `${server.url}/api/v1/projects/${projectId}/keys`;
  const rows = ((await getJson(tableUrl)) as { rows: number }).rows;
  const tableMs = await p50(() => getJson(tableUrl), 10, 1);
  const runsMs = await p50(() => getJson(runsUrl), 5, 1);
  const keysMs = await p50(() => getJson(keysUrl), 10, 1);
  await server.stop();
  report(
    `runs table: ${RUNS.toLocaleString('en-US')} runs × ${COLUMNS.length} columns in one page, p50 over HTTP`,
    {
      [`GET /api/v1/projects/{id}/table (${rows.toLocaleString('en-US')} rows), ms (floor well under 1,000)`]:
        tableMs,
      'reference: GET /api/v1/runs, same page, ms': runsMs,
      'ratio table / runs search': tableMs / runsMs,
      'GET /api/v1/projects/{id}/keys, ms': keysMs,
    },
  );
}
