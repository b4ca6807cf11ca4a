import type { Command } from 'commander';
import { parseModelRef } from '../../core/prediction.js';
import { type AdmissionFlags, addAdmissionOptions, admissionOf } from '../admission-options.js';
import { type AuthFlags, authFlags, serverAuth } from '../auth-flags.js';
import { addPerimeterOptions, type PerimeterFlags, perimeterOf } from '../perimeter-options.js';
import {
  closeOnSignals,
  type ServerStoreOptions,
  serverStore,
  serverStoreOptions,
  shownStore,
} from '../server-store.js';

interface ServeOptions extends ServerStoreOptions, PerimeterFlags, AuthFlags, AdmissionFlags {}

export function registerServe(program: Command): void {
  const command = serverStoreOptions(
    program
      .command('serve')
      .description(
        'serve a registered js model (MODEL as name@alias or name/version) and the prediction log, without the tracking API or the web UI; the model loads before the server listens, and an alias move is picked up per request',
      )
      .argument('<model>', 'the model to serve, e.g. churn@production'),
    { defaultPort: 5001 },
  );
  addAdmissionOptions(command, { artifacts: false });
  addPerimeterOptions(authFlags(command)).action(async (model: string, o: ServeOptions) => {
    const parsed = parseModelRef(model);
    const ref = 'alias' in parsed ? parsed.alias : String(parsed.version);
    const where = serverStore(o);
    const { startServer } = await import('../../server/start-server.js');
    let version = 0;
    const running = await startServer({
      ...where,
      ...perimeterOf(o),
      ...serverAuth(o),
      ...admissionOf(o),
      servingOnly: true,
      ready: async (services) => {
        version = await services.serving.warm(parsed.name, ref);
      },
    });
    const predictUrl = `${running.url}/api/v1/models/${encodeURIComponent(parsed.name)}/${encodeURIComponent(ref)}/predict`;
    process.stdout.write(
      `Ratchet is serving ${model} (version ${version}), listening on ${running.url} (store: ${shownStore(where.store)})\n`,
    );
    process.stdout.write(`Predict: POST ${predictUrl} (Content-Type: application/json) {"inputs": [...]}\n`);
    closeOnSignals(running);
  });
}
