import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findStore, STORE_DIR } from './target.js';

export interface ServerStoreOptions {
  store?: string;
  artifacts?: string;
}

export const STORE_OPTION_HELP =
  'SQLite file or postgres://… URL (default: $RATCHET_STORE, else the nearest .ratchet/ upwards, else ./.ratchet/)';
export const ARTIFACTS_OPTION_HELP =
  'artifact root directory (default: artifacts/ beside a SQLite store, else ./.ratchet/artifacts)';

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

/** Ends the process cleanly on Ctrl-C or a termination signal. */
export function closeOnSignals(running: { close(): Promise<void> }): void {
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
