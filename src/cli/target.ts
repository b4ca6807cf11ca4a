import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { invalidParameter } from '../core/errors.js';
import { Ratchet } from '../sdk/index.js';
import { diskSpool } from '../spool/disk-spool.js';

/** Where a command goes: a server (`--uri`), or a store served in-process by the same app. */
export interface TargetOptions {
  uri?: string;
  store?: string;
  /** An API token for a server that asks for one (default: $RATCHET_TOKEN). */
  token?: string;
}

export interface Target {
  client: Ratchet;
  close(): Promise<void>;
}

export const STORE_DIR = '.ratchet';
const STORE_FILE = 'ratchet.db';

/**
 * The client a command talks through. In order: `--uri` or $RATCHET_TRACKING_URI (a server); `--store` or
 * $RATCHET_STORE; the nearest `.ratchet/` from the working directory upwards, as git finds `.git`. Without
 * any, a command that writes (`create`) makes `.ratchet/` here; one that reads says how to point it at a store
 * and creates nothing.
 */
export async function openTarget(options: TargetOptions, { create = false } = {}): Promise<Target> {
  const where = locateTarget(options, { create });
  if ('uri' in where) {
    return { client: serverClient(where), close: async () => {} };
  }
  return embedded(where);
}

/** A server's URI, or a store with the artifact root beside it. */
export type TargetLocation = { uri: string; token?: string } | { store: string; artifactRoot: string };

/** Where `options` (and the environment, and the working directory) point; see `openTarget`. */
export function locateTarget(options: TargetOptions, { create = false } = {}): TargetLocation {
  const uri = options.uri ?? nonEmpty(process.env.RATCHET_TRACKING_URI);
  if (uri !== undefined) {
    const token = options.token ?? nonEmpty(process.env.RATCHET_TOKEN);
    return token === undefined ? { uri } : { uri, token };
  }
  const location = options.store ?? nonEmpty(process.env.RATCHET_STORE) ?? findStore(process.cwd());
  if (location !== undefined) {
    if (!isServerUrl(location) && location !== ':memory:' && !existsSync(location) && !create) {
      throw invalidParameter(`No Ratchet store at ${location}.`);
    }
    return storeLocation(location);
  }
  if (!create) throw invalidParameter(NO_STORE);
  return storeLocation(join(process.cwd(), STORE_DIR, STORE_FILE));
}

/**
 * A client of a server: a person is waiting, so two quick retries, not the SDK's patient five. With
 * $RATCHET_SPOOL_DIR, batches are spooled there, and what ended processes left there is delivered.
 */
export function serverClient(where: { uri: string; token?: string }): Ratchet {
  const spoolDir = nonEmpty(process.env.RATCHET_SPOOL_DIR);
  return new Ratchet({
    uri: where.uri,
    retries: 2,
    ...(where.token === undefined ? {} : { token: where.token }),
    ...(spoolDir === undefined ? {} : { spool: diskSpool(spoolDir) }),
  });
}

function storeLocation(location: string): TargetLocation {
  const artifactRoot = isServerUrl(location)
    ? resolve(STORE_DIR, 'artifacts')
    : join(dirname(resolve(location)), 'artifacts');
  if (!isServerUrl(location)) mkdirSync(dirname(resolve(location)), { recursive: true });
  return { store: location, artifactRoot };
}

const NO_STORE =
  `No Ratchet store in this directory or any parent. Point the CLI at a server with --uri http://host:5000 ` +
  `(or RATCHET_TRACKING_URI), or at a store with --store <file>; \`ratchet project create <name>\` ` +
  `creates one here.`;

/** The store of the nearest `.ratchet/ratchet.db` from `dir` upwards. */
export function findStore(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const candidate = join(current, STORE_DIR, STORE_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

const EMBEDDED_HOST = 'ratchet.embedded';

/** The same app `ratchet server` runs, called in-process: one code path, no socket. */
async function embedded({ store, artifactRoot }: { store: string; artifactRoot: string }): Promise<Target> {
  // Loaded only here, so commands against a server never load the database drivers.
  const { openServer } = await import('../server/open-server.js');
  // Whoever opens the store file itself needs no token to read it through the app.
  const server = await openServer(store, {
    artifactRoot,
    perimeter: { allowedHosts: [EMBEDDED_HOST] },
    auth: 'off',
  });
  const client = new Ratchet({
    uri: `http://${EMBEDDED_HOST}`,
    fetch: (request) => server.app.fetch(request),
    retries: 0,
  });
  return { client, close: () => server.close() };
}

function isServerUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Runs a command's work against its target and always closes it. */
export async function withClient<T>(
  options: TargetOptions,
  work: (client: Ratchet) => Promise<T>,
  { create = false } = {},
): Promise<T> {
  const target = await openTarget(options, { create });
  try {
    return await work(target.client);
  } finally {
    await target.close();
  }
}
