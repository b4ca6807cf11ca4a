import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ratchet } from '../../src/sdk/index.js';
import { type ServerOptions, startServer } from '../../src/server/start-server.js';
import { runExperiment } from './experiment.js';

/**
 * `npm start`: serve Ratchet on the embedded SQLite store, run the penguin experiment into it, write the
 * report, and keep serving so the record can be explored (`--exit` stops after the report, for tests).
 * RATCHET_STORE and RATCHET_PORT choose where; port 5000 falls back to a free port when it is taken.
 */
const exitAfter = process.argv.includes('--exit');
const store = process.env.RATCHET_STORE ?? '.ratchet/ratchet.db';
const options: ServerOptions = {
  host: '127.0.0.1',
  port: Number(process.env.RATCHET_PORT ?? 5000),
  store,
  artifacts: resolve(store, '..', 'artifacts'),
};

const server = await startServer(options).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  return startServer({ ...options, port: 0 });
});
try {
  const ratchet = new Ratchet({ uri: server.url });
  const existing = new Set((await ratchet.projects.list()).map((p) => p.name));
  let project = 'penguins';
  for (let n = 2; existing.has(project); n++) project = `penguins-${n}`;

  console.log(`Ratchet is listening on ${server.url} (store: ${store})\n`);
  console.log(
    `Project "${project}": which species is a penguin, from its measurements (342 birds, 5 seeds)\n`,
  );
  await runExperiment(ratchet, project, (line) => console.log(line));

  const reportPath = resolve(store, '..', `${project}-report.html`);
  mkdirSync(resolve(reportPath, '..'), { recursive: true });
  writeFileSync(reportPath, await ratchet.projects.report(project, 'html'));
  console.log(`\nThe web UI:         ${server.url}/projects/${encodeURIComponent(project)}`);
  console.log(`The lab notebook:   npx ratchet log ${project} --uri ${server.url}`);
  console.log(`The report:         ${reportPath}`);
  console.log(`MLflow clients:     MLFLOW_TRACKING_URI=${server.url}`);
} catch (error) {
  await server.close();
  throw error;
}

if (exitAfter) {
  await server.close();
} else {
  console.log(`\nStill serving on ${server.url} — Ctrl-C to stop.`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
