import type { Command } from 'commander';
import { integerOption } from '../option-parsers.js';
import {
  closeOnSignals,
  type ServerStoreOptions,
  serverStore,
  serverStoreOptions,
  shownStore,
} from '../server-store.js';

interface ServerOptions extends ServerStoreOptions {
  host: string;
  port: number;
  serveModels?: boolean;
}

export function registerServer(program: Command): void {
  serverStoreOptions(
    program
      .command('server')
      .description(
        'serve the web UI and the tracking API (native /api/v1 and MLflow-compatible) over a store',
      )
      .option('--host <host>', 'interface to bind', '127.0.0.1')
      .option(
        '--port <port>',
        'port to listen on (0 picks a free one)',
        integerOption('--port', 0, 65535),
        5000,
      ),
  )
    .option(
      '--serve-models',
      "also serve the registry's js models at /api/v1/models/{name}/{alias|version}/predict (their code runs " +
        'in this server: whoever may register a model version may run code here)',
    )
    .action(async (o: ServerOptions) => {
      const { store, artifacts } = serverStore(o);
      // Loaded only here, so client commands never load the server and its database drivers.
      const { startServer } = await import('../../server/start-server.js');
      const running = await startServer({
        store,
        host: o.host,
        port: o.port,
        artifacts,
        durability: o.durability,
        runModelCode: o.serveModels ?? false,
      });
      process.stdout.write(`Ratchet is listening on ${running.url} (store: ${shownStore(store)})\n`);
      process.stdout.write(`The web UI: ${running.url}/\n`);
      closeOnSignals(running);
    });
}
