import type { Command } from 'commander';
import type { TargetOptions } from './target.js';

export interface ClientOptions extends TargetOptions {
  json?: boolean;
}

/** The options every command that talks to Ratchet has: where to (`--uri`, `--store`), and `--json`. */
export function clientOptions(command: Command, { json = true } = {}): Command {
  command
    .option('--uri <url>', 'a Ratchet server, e.g. http://127.0.0.1:5000 (default: $RATCHET_TRACKING_URI)')
    .option(
      '--store <location>',
      'or a store, served in-process: SQLite file or postgres://… (default: the nearest .ratchet/ upwards)',
    )
    .option('--token <token>', 'an API token for a server that requires one (default: $RATCHET_TOKEN)');
  if (json) command.option('--json', 'machine-readable output');
  return command;
}
