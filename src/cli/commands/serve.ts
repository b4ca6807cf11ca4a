import type { Command } from 'commander';
import { parseModelRef } from '../../core/prediction.js';
import {
  closeOnSignals,
  type ServerStoreOptions,
  serverStore,
  serverStoreOptions,
  shownStore,
} from '../server-store.js';

export function registerServe(program: Command): void {
  serverStoreOptions(
    program
      .command('serve')
      .description(
        'serve a registered js model (MODEL as name@alias or name/version) and the prediction log, without the tracking API or the web UI; the model loads before the server listens, and an alias move is picked up per request',
      )
      .argument('<model>', 'the model to serve, e.g. churn@production'),
    { defaultPort: 5001 },
  ).action(async (model: string, o: ServerStoreOptions) => {
    const parsed = parseModelRef(model);
    const ref = 'alias' in parsed ? parsed.alias : String(parsed.version);
    const where = serverStore(o);
    const { startServer } = await import('../../server/start-server.js');
    let version = 0;
    const running = await startServer({
      ...where,
      servingOnly: true,
      ready: async (services) => {
        version = await services.serving.warm(parsed.name, ref);
      },
    });
    const predictUrl = `${running.url}/api/v1/models/${encodeURIComponent(parsed.name)}/${encodeURIComponent(ref)}/predict`;
    process.stdout.write(
      `Ratchet is serving ${model} (version ${version}), listening on ${running.url} (store: ${shownStore(where.store)})\n`,
    );
    process.stdout.write(`Predict: POST ${predictUrl} {"inputs": [...]}\n`);
    closeOnSignals(running);
  });
}
