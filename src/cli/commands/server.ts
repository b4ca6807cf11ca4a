import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { integerOption } from '../option-parsers.js';
import { findStore, STORE_DIR } from '../target.js';

interface ServerOptions {
  host: string;
  port: number;
  store?: string;
  artifacts?: string;
}

export function registerServer(program: Command): void {
  program
    .command('server')
    .description('serve the web UI and the tracking API (native /api/v1 and MLflow-compatible) over a store')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option(
      '--port <port>',
      'port to listen on (0 picks a free one)',
      integerOption('--port', 0, 65535),
      5000,
    )
    .option(
      '--store <location>',
      'SQLite file or postgres://… URL (default: $RATCHET_STORE, else the nearest .ratchet/ upwards, else ./.ratchet/)',
    )
    .option(
      '--artifacts <dir>',
      'artifact root directory (default: artifacts/ beside a SQLite store, else ./.ratchet/artifacts)',
    )
    .action(async (o: ServerOptions) => {
      const store =
        o.store ?? process.env.RATCHET_STORE ?? findStore(process.cwd()) ?? join(STORE_DIR, 'ratchet.db');
      const sqlite = !/^postgres(ql)?:\/\//.test(store);
      const artifacts =
        o.artifacts ?? (sqlite ? join(dirname(resolve(store)), 'artifacts') : join(STORE_DIR, 'artifacts'));
      // Loaded only here, so client commands never load the server and its database drivers.
      const { startServer } = await import('../../server/start-server.js');
      const running = await startServer({ store, host: o.host, port: o.port, artifacts });
      const where = sqlite
        ? `${resolve(store)}${existsSync(store) ? '' : ' (new)'}`
        : store.replace(/\/\/[^@/]*@/, '//…@');
      process.stdout.write(`Ratchet is listening on ${running.url} (store: ${where})\n`);
      process.stdout.write(`The web UI: ${running.url}/\n`);
      const stop = () => {
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
