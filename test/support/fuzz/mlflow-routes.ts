import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { createApp } from '../../../src/http/app.js';
import { createServices } from '../../../src/server/services.js';
import { openStore } from '../../../src/store/open-store.js';
import { type HostileRequest, queryOf, withBody } from './hostile-request.js';
import { refusedBody } from './refused-bodies.js';
import type { Seeded } from './seed.js';
import { hostileText } from './values.js';

export interface MlflowRoute {
  method: string;
  /** Hono's form: `:name` parameters. */
  path: string;
}

const PREFIX = '/api/2.0/mlflow/';

/**
 * Every route the app serves under /api/2.0/mlflow (the /ajax-api mirror runs the same handlers), read from
 * the app itself so a new route is fuzzed without a list to update. A method the app only answers with 405
 * (MLflow's "other methods") is no route.
 */
export async function servedMlflowRoutes(): Promise<MlflowRoute[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-fuzz-routes-'));
  const store = await openStore(join(dir, 'routes.db'));
  try {
    const app = createApp(createServices(store, Date.now, { artifactRoot: join(dir, 'artifacts') }));
    const seen = new Set<string>();
    const routes: MlflowRoute[] = [];
    for (const { method, path } of app.routes) {
      if (!path.startsWith(PREFIX) || path.endsWith('*') || method === 'ALL') continue;
      const key = `${method} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const probe = await app.request(path.replace(/:(\w+)/g, 'probe'), {
        method,
        ...(method === 'GET' ? {} : { body: '{', headers: { 'content-type': 'application/json' } }),
      });
      if (probe.status !== 405) routes.push({ method, path });
    }
    return routes;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Reader = 'scalar' | 'integer' | 'number' | 'boolean' | 'list' | 'message';

/**
 * The request fields MLflow handlers read (`fields.string('run_id')`, …) and how, found in their source, so
 * that wrong types can be aimed at every field a route may read.
 */
export function mlflowFieldReaders(): Map<string, Set<Reader>> {
  const root = fileURLToPath(new URL('../../../src/http/mlflow/', import.meta.url));
  const kinds: Record<string, Reader> = {
    string: 'scalar',
    requiredString: 'scalar',
    enumValue: 'scalar',
    enumToken: 'scalar',
    int64: 'integer',
    requiredInt64: 'integer',
    double: 'number',
    requiredDouble: 'number',
    boolean: 'boolean',
    strings: 'list',
    messages: 'list',
    message: 'message',
  };
  const readers = new Map<string, Set<Reader>>();
  for (const file of readdirSync(root, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const source = readFileSync(join(root, file), 'utf8');
    for (const [, reader, field] of source.matchAll(/\.(\w+)\('(\w+)'/g)) {
      const kind = kinds[reader!];
      if (kind === undefined) continue;
      readers.set(field!, (readers.get(field!) ?? new Set()).add(kind));
    }
  }
  return readers;
}

/** Refused requests for every served MLflow route. */
export function mlflowRequests(routes: readonly MlflowRoute[], seeded: Seeded): fc.Arbitrary<HostileRequest> {
  const readers = mlflowFieldReaders();
  const fields = [...readers.keys()];
  return fc.oneof(
    ...routes.map((route) => {
      const label = `${route.method} ${route.path}`;
      const path = hostilePath(route.path, seeded);
      if (route.method === 'GET') {
        return fc.tuple(path, hostileQuery(readers, seeded)).map(([p, query]) => ({
          method: 'GET',
          path: `${p}${queryOf(query)}`,
          why: `${label}: ids that name nothing, numbers that are not`,
        }));
      }
      return fc.oneof(
        fc.tuple(path, refusedBody(fields)).map(([p, refused]) => withBody(route.method, p, refused, label)),
        fc
          .tuple(path, wrongTypes(readers))
          .map(([p, body]) =>
            withBody(
              route.method,
              p,
              { body: JSON.stringify(body), why: 'every field of a wrong type' },
              label,
            ),
          ),
      );
    }),
  );
}

/** Route parameters (logged model ids, tag keys) that name nothing. */
function hostilePath(path: string, seeded: Seeded): fc.Arbitrary<string> {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  return fc
    .array(nothingNamed(seeded), { minLength: names.length, maxLength: names.length })
    .map((values) =>
      path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[names.indexOf(name)]!)),
    );
}

/** Hostile text that is no seeded id or name (nor contains one), nor a bare number (a version). */
export function nothingNamed(seeded: Seeded): fc.Arbitrary<string> {
  const taken = Object.values(seeded).filter((v) => v.length >= 3);
  return hostileText
    .map((s) => s.slice(0, 300))
    .filter((s) => s.trim() !== '' && !taken.some((t) => s.includes(t)) && !/^\s*-?\d+\s*$/.test(s));
}

/** A value of the wrong type for every field, by how handlers read it: an object where a scalar or list goes. */
function wrongTypes(readers: Map<string, Set<Reader>>): fc.Arbitrary<Record<string, unknown>> {
  const entries = [...readers].map(([field, kinds]) =>
    hostileText
      .map((s) => s.slice(0, 50))
      .map((text): [string, unknown] => [field, kinds.has('message') ? text : { $ne: text }]),
  );
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs));
}

/**
 * A query string setting every field a GET handler may read: ids and names that name nothing, integers and
 * numbers that are not, booleans that are neither.
 */
function hostileQuery(readers: Map<string, Set<Reader>>, seeded: Seeded): fc.Arbitrary<[string, string][]> {
  const notANumber = nothingNamed(seeded).filter(
    (s) => Number.isNaN(Number(s)) && !/^[+-]?(NaN|Infinity)$/.test(s),
  );
  const entries = [...readers].map(([field, kinds]) =>
    (kinds.has('integer') || kinds.has('number') || kinds.has('boolean') ? notANumber : nothingNamed(seeded))
      .filter((s) => !kinds.has('boolean') || (s !== 'true' && s !== 'false'))
      .map((value): [string, string] => [field, value]),
  );
  return fc.tuple(...entries);
}
