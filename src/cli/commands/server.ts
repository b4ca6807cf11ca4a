import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { createApp } from '../../http/app.js';
import { listen } from '../../http/serve.js';
import { createServices } from '../../http/services.js';
import { openStore } from '../../store/open-store.js';
import { type StoreOption, storeLocation } from '../context.js';
import { integerOption } from '../parse.js';

export interface ServerOptions extends StoreOption {
  host: string;
  port: number;
  artifacts: string;
}

export function registerServer(program: Command): void {
  program
    .command('server')
    .description('serve the tracking API (native /api/v1 and MLflow-compatible) and the UI')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option(
      '--port <port>',
      'port to listen on (0 picks a free one)',
      integerOption('--port', 0, 65535),
      5000,
    )
    .option(
      '--store <location>',
      'SQLite file or postgres://… URL (default: .ratchet/ratchet.db, or $RATCHET_STORE)',
    )
    .option('--artifacts <dir>', 'artifact root directory', '.ratchet/artifacts')
    .action(async (options: ServerOptions) => {
      const running = await startServer(options);
      process.stdout.write(`Ratchet is listening on ${running.url}\n`);
      const stop = () => {
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

export async function startServer(options: ServerOptions) {
  const artifactRoot = resolve(options.artifacts);
  mkdirSync(artifactRoot, { recursive: true });
  const store = await openStore(storeLocation(options));
  const app = createApp(createServices(store, Date.now, { artifactRoot }));
  const server = await listen(app, { host: options.host, port: options.port });
  return {
    url: server.url,
    async close() {
      await server.close();
      await store.close();
    },
  };
}
