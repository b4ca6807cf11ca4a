import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Durability } from '../server/start-server.js';
import { choiceOption } from './option-parsers.js';
import { findStore, STORE_DIR } from './target.js';

export interface ServerStoreOptions {
  store?: string;
  artifacts?: string;
  durability: Durability;
}

/** The options of a command that opens a store and serves it: where the store and artifacts live, and how durably. */
export function serverStoreOptions(command: Command): Command {
  return command
    .option(
      '--store <location>',
      'SQLite file or postgres://… URL (default: $RATCHET_STORE, else the nearest .ratchet/ upwards, else ./.ratchet/)',
    )
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

/** The store and artifact root a server process opens. */
export function serverStore(o: ServerStoreOptions): { store: string; artifacts: string } {
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
