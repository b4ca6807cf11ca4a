import type { Command } from 'commander';
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

interface ServerOptions extends ServerStoreOptions, PerimeterFlags, AuthFlags, AdmissionFlags {
  serveModels?: boolean;
}

export function registerServer(program: Command): void {
  const command = serverStoreOptions(
    program
      .command('server')
      .description(
        'serve the web UI and the tracking API (native /api/v1 and MLflow-compatible) over a store',
      ),
    { defaultPort: 5000 },
  );
  addAdmissionOptions(addPerimeterOptions(authFlags(command)), { artifacts: true })
    .option(
      '--serve-models',
      "also serve the registry's js models at /api/v1/models/{name}/{alias|version}/predict (their code runs " +
        'in this server: whoever may register a model version may run code here)',
    )
    .action(async (o: ServerOptions) => {
      const where = serverStore(o);
      // Loaded only here, so client commands never load the server and its database drivers.
      const { startServer } = await import('../../server/start-server.js');
      const running = await startServer({
        ...where,
        ...perimeterOf(o),
        ...serverAuth(o),
        ...admissionOf(o),
        runModelCode: o.serveModels ?? false,
      });
      process.stdout.write(`Ratchet is listening on ${running.url} (store: ${shownStore(where.store)})\n`);
      process.stdout.write(`The web UI: ${running.url}/\n`);
      closeOnSignals(running);
    });
}
