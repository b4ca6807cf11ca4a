import { join } from 'node:path';
import { openStore } from '../src/store/open-store.js';
import { p50, report, scale, scratchDir, startServer } from './support.js';

/**
 * The UI's runs table: GET /api/v1/projects/{id}/table for 50,000 runs × 5 columns (2 params, a tag, 2
 * metrics) in one page, against GET /api/v1/runs for the same page (every param, tag and metric of each
 * run, as objects), both over HTTP to a `ratchet server` process (SQLite). Also the project's keys.
 */
const RUNS = Math.max(1000, Math.round(50_000 * scale));
const COLUMNS = ['params.lr', 'params.layers', 'tags.team', 'metrics.loss', 'metrics.accuracy'];

/** Runs with three params, two tags and three metrics each, written straight into the store. */
async function seed(location: string): Promise<string> {
  const store = await openStore(location);
  const project = await store.projects.create({ name: 'table', creationTime: 0 });
  for (let i = 0; i < RUNS; i++) {
    const id = i.toString(16).padStart(32, '0');
    await store.runs.create({
      id,
      projectId: project.id,
      name: `run-${i}`,
      userId: 'bench',
      status: 'FINISHED',
      startTime: 1_700_000_000_000 + i,
      artifactUri: `mlflow-artifacts:/${project.id}/${id}/artifacts`,
      params: { lr: `0.00${i % 10}`, layers: String(i % 7), optimizer: i % 2 ? 'adam' : 'sgd' },
      tags: { team: ['vision', 'nlp', 'speech'][i % 3]!, owner: `user${i % 50}` },
    });
    await store.runs.logBatch(id, {
      metrics: [
        { key: 'loss', value: ((i * 7919) % 1000) / 1000, step: 0, timestamp: 0 },
        { key: 'accuracy', value: ((i * 104729) % 1000) / 1000, step: 0, timestamp: 0 },
        { key: 'val_loss', value: ((i * 31) % 1000) / 1000, step: 0, timestamp: 0 },
      ],
      params: {},
      tags: {},
    });
  }
  await store.close();
  return project.id;
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

export default async function bench(): Promise<void> {
  const dir = scratchDir('table');
  const location = join(dir, 'table.db');
  const projectId = await seed(location);
  const server = await startServer(location);
  const page = `max_results=${RUNS}&order_by=metrics.accuracy%20DESC`;
  const tableUrl = `${server.url}/api/v1/projects/${projectId}/table?${page}&columns=${COLUMNS.join(',')}`;
  const runsUrl = `${server.url}/api/v1/runs?project_id=${projectId}&${page}`;
  const keysUrl = `${server.url}/api/v1/projects/${projectId}/keys`;
  const rows = (await getJson(tableUrl)).rows as number;
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
