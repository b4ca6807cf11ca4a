import type { Command } from 'commander';
import { type ServerOptions, startServer } from '../../server/start-server.js';
import { type StoreOption, storeLocation } from '../context.js';
import { integerOption } from '../parse.js';

type ServerCommandOptions = Omit<ServerOptions, 'store'> & StoreOption;

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
    .action(async (options: ServerCommandOptions) => {
      const running = await startServer({ ...options, store: storeLocation(options) });
      process.stdout.write(`Ratchet is listening on ${running.url}\n`);
      const stop = () => {
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
