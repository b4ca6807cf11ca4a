import { join } from 'node:path';
import { postJson, report, scale, scratchDir, sendAll, startServer, timeRawInserts } from './support.js';

/**
 * The prediction log over HTTP to a `ratchet server` process (SQLite): ingest through POST /api/v1/predictions
 * against raw inserts of the same rows into a plain SQLite table in the same run; then 100,000 predictions
 * labelled through bulk feedback, and live quality and error analysis read over all of them.
 */
const PREDICTIONS = Math.max(2_000, Math.round(200_000 * scale));
const LABELLED = Math.max(1_000, Math.round(100_000 * scale));
const BATCH = 5_000;
const FEEDBACK_BATCH = 10_000;
const MLFLOW = '/api/2.0/mlflow';

const inputOf = (i: number) => ({
  temp_max: 10 + (i % 25),
  precipitation: (i % 7) * 0.3,
  month: 1 + (i % 12),
});
const outputOf = (i: number) => (i % 3 === 0 ? 'rain' : 'sun');

export default async function bench(): Promise<void> {
  const dir = scratchDir('predictions');
  const server = await startServer(join(dir, 'ratchet.db'));
  try {
    await postJson(`${server.url}${MLFLOW}/registered-models/create`, { name: 'weather' });
    await postJson(`${server.url}${MLFLOW}/model-versions/create`, {
      name: 'weather',
      source: 'mlflow-artifacts:/m',
    });
    await postJson(`${server.url}${MLFLOW}/registered-models/alias`, {
      name: 'weather',
      alias: 'production',
      version: 1,
    });

    const bodies: string[] = [];
    for (let start = 0; start < PREDICTIONS; start += BATCH) {
      const predictions = Array.from({ length: Math.min(BATCH, PREDICTIONS - start) }, (_, k) => {
        const i = start + k;
        return {
          id: `p${i}`,
          model: 'weather@production',
          input: inputOf(i),
          output: outputOf(i),
          score: (i % 100) / 100,
          time: 1_700_000_000_000 + i,
        };
      });
      bodies.push(JSON.stringify({ predictions }));
    }
    const ingestStart = performance.now();
    await sendAll(
      bodies.map(
        (body) => () =>
          fetch(`${server.url}/api/v1/predictions`, {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json' },
          }),
      ),
      2,
    );
    const ingestSeconds = (performance.now() - ingestStart) / 1000;

    const rawSeconds = timeRawInserts(
      join(dir, 'raw.db'),
      'CREATE TABLE p (id TEXT PRIMARY KEY, model TEXT, version INTEGER, time INTEGER, input TEXT, output TEXT, score REAL)',
      'INSERT INTO p VALUES (?, ?, ?, ?, ?, ?, ?)',
      (insert) => {
        for (let i = 0; i < PREDICTIONS; i++) {
          insert(
            `p${i}`,
            'weather',
            1,
            1_700_000_000_000 + i,
            JSON.stringify(inputOf(i)),
            JSON.stringify(outputOf(i)),
            (i % 100) / 100,
          );
        }
      },
    );

    const feedbackStart = performance.now();
    for (let start = 0; start < LABELLED; start += FEEDBACK_BATCH) {
      const feedback = Array.from({ length: Math.min(FEEDBACK_BATCH, LABELLED - start) }, (_, k) => {
        const i = start + k;
        return { id: `p${i}`, label: i % 5 === 0 ? 'fog' : outputOf(i) };
      });
      await postJson(`${server.url}/api/v1/predictions/feedback`, { feedback });
    }
    const feedbackSeconds = (performance.now() - feedbackStart) / 1000;

    const timed = async (url: string) => {
      const start = performance.now();
      await fetch(url).then((r) => r.json());
      return performance.now() - start;
    };
    const qualityMs = await timed(`${server.url}/api/v1/models/weather/quality?bucket=day`);
    const errorsMs = await timed(`${server.url}/api/v1/models/weather/errors`);

    report(`prediction log (${PREDICTIONS} predictions in batches of ${BATCH}; ${LABELLED} labelled)`, {
      'ingest over HTTP (predictions/s)': PREDICTIONS / ingestSeconds,
      'raw SQLite inserts, one row each (rows/s)': PREDICTIONS / rawSeconds,
      'ratio ingest / raw': rawSeconds / ingestSeconds,
      'bulk feedback (labels/s)': LABELLED / feedbackSeconds,
      [`live quality over ${LABELLED} labelled (ms)`]: qualityMs,
      [`error analysis over ${LABELLED} labelled (ms)`]: errorsMs,
    });
  } finally {
    await server.stop();
  }
}
