import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Durability } from '../server/start-server.js';
import { choiceOption, integerOption } from './option-parsers.js';
import { findStore, STORE_DIR } from './target.js';

/** Where a store and its artifacts live, as a command that opens the store itself is told. */
export interface StoreLocationOptions {
  store?: string;
  artifacts?: string;
}

export interface ServerStoreOptions extends StoreLocationOptions {
  host: string;
  port: number;
  durability: Durability;
}

export const STORE_OPTION_HELP =
  'SQLite file or postgres://… URL (default: $RATCHET_STORE, else the nearest .ratchet/ upwards, else ./.ratchet/)';

/**
 * The options of a command that opens a store and serves it: where it listens, where the store and artifacts
 * live, and how durably commits are written.
 */
export function serverStoreOptions(command: Command, { defaultPort }: { defaultPort: number }): Command {
  return command
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option(
      '--port <port>',
      'port to listen on (0 picks a free one)',
      integerOption('--port', 0, 65535),
      defaultPort,
    )
    .option('--store <location>', STORE_OPTION_HELP)
    .option(
      '--artifacts <dir>',
      'artifact root directory (default: artifacts/ beside a SQLite store, else ./.ratchet/artifacts)',
    )
    .option(
      '--durability <mode>',
      'SQLite commits: full (an acknowledged write survives power loss; an fsync per commit) or normal (survives ' +
        'a killed process, not power loss); PostgreSQL follows its own synchronous_commit',
      choiceOption('--durability', ['full', 'normal'] as const),
      'full',
    );
}

/** Where a server process listens, the store and artifact root it opens, and how durably it commits. */
export function serverStore(o: ServerStoreOptions): {
  host: string;
  port: number;
  store: string;
  artifacts: string;
  durability: Durability;
} {
  return { host: o.host, port: o.port, ...storeLocation(o), durability: o.durability };
}

/** The store (given, $RATCHET_STORE, the nearest .ratchet/ upwards, or a new ./.ratchet/) and its artifact root. */
export function storeLocation(o: StoreLocationOptions): { store: string; artifacts: string } {
  const store =
    o.store ?? process.env.RATCHET_STORE ?? findStore(process.cwd()) ?? join(STORE_DIR, 'ratchet.db');
  const artifacts =
    o.artifacts ??
    (isSqlite(store) ? join(dirname(resolve(store)), 'artifacts') : join(STORE_DIR, 'artifacts'));
  return { store, artifacts };
}

/** The store as a server prints it: a SQLite file's full path, a PostgreSQL URL without its password. */
export function shownStore(store: string): string {
  return isSqlite(store)
    ? `${resolve(store)}${existsSync(store) ? '' : ' (new)'}`
    : store.replace(/\/\/[^@/]*@/, '//…@');
}

function isSqlite(store: string): boolean {
  return !/^postgres(ql)?:\/\//.test(store);
}

/**
 * Ends the process cleanly on Ctrl-C or a termination signal: no new connections, the requests in flight
 * finish (up to 10 s), the store is closed, exit 0. A second signal ends it at once.
 */
export function closeOnSignals(running: { close(): Promise<void> }): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(`Ratchet is shutting down (${signal}): finishing the requests in flight\n`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`ratchet: shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
