import fc from 'fast-check';
import type { z } from 'zod';
import { allRoutes } from '../../../src/contract/api.js';
import type { Route } from '../../../src/contract/route.js';
import { type HostileRequest, queryOf, withBody } from './hostile-request.js';
import { refusedBody } from './refused-bodies.js';
import type { Seeded } from './seed.js';
import { hostileText } from './values.js';

/**
 * Refused requests for every route of the native API, derived from the contract (`api`), so a new route is
 * fuzzed as soon as it is declared. Each request is invalid by construction: a body or query its schema
 * refuses, or path parameters that name nothing (for a route without a body).
 */
export function nativeRequests(seeded: Seeded): fc.Arbitrary<HostileRequest> {
  return fc.oneof(...fuzzableNativeRoutes().map((route) => routeRequests(route, seeded)));
}

/** The routes that take some input; a route without params, query or body has nothing to refuse. */
export function fuzzableNativeRoutes(): Route[] {
  return allRoutes().filter((route) => route.params || route.query || route.body);
}

function routeRequests(route: Route, seeded: Seeded): fc.Arbitrary<HostileRequest> {
  const label = `${route.method} ${route.path}`;
  const anyParams = fc.oneof(existingParams(route, seeded), hostileParams(route, seeded));
  const classes: fc.Arbitrary<HostileRequest>[] = [];
  if (route.body) {
    const body = refusedBody(shapeOf(route.body), (value) => !route.body!.safeParse(value).success);
    classes.push(
      fc.tuple(anyParams, body).map(([path, refused]) => withBody(route.method, path, refused, label)),
    );
  } else if (route.params) {
    // Without a body, only a query can make a request with real ids invalid: the rest name nothing.
    classes.push(
      hostileParams(route, seeded).map((path) => ({
        method: route.method,
        path,
        why: `${label}: names nothing`,
      })),
    );
  }
  if (route.query && !route.body) {
    classes.push(
      fc.tuple(anyParams, refusedQuery(route.query)).map(([path, query]) => ({
        method: route.method,
        path: `${path}${queryOf(query)}`,
        why: `${label}: a query its schema refuses`,
      })),
    );
  }
  return fc.oneof(...classes);
}

/** The field names of an object schema, to aim hostile values at. */
function shapeOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Query parameters (each once, or repeated) the route's query schema refuses. */
function refusedQuery(schema: z.ZodObject): fc.Arbitrary<[string, string][]> {
  const short = hostileText.map((s) => s.slice(0, 200));
  const keys = Object.keys(schema.shape);
  return fc
    .dictionary(fc.constantFrom(...keys), fc.oneof(short, fc.array(short, { minLength: 2, maxLength: 3 })), {
      minKeys: 1,
      maxKeys: keys.length,
    })
    .filter((query) => !schema.safeParse(query).success)
    .map((query) =>
      Object.entries(query).flatMap(([key, value]) =>
        (Array.isArray(value) ? value : [value]).map((v): [string, string] => [key, v]),
      ),
    );
}

/** The route's path with the seeded things it names. */
function existingParams(route: Route, seeded: Seeded): fc.Arbitrary<string> {
  return fc.constant(fillRaw(route.path, (name, before) => existing(name, before, seeded)));
}

/** The route's path with every parameter hostile and naming nothing that exists. */
function hostileParams(route: Route, seeded: Seeded): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const taken = Object.values(seeded).filter((v) => v.length >= 3);
  const value = hostileText
    .map((s) => s.slice(0, 300))
    .filter((s) => !taken.some((t) => s.includes(t)) && !/^\d+$/.test(s.trim()));
  return fc
    .array(value, { minLength: names.length, maxLength: names.length })
    .map((values) => fillRaw(route.path, (name) => values[names.indexOf(name)]!));
}

/** The path with each `{name}` replaced (percent-encoded) by `value(name, the segment before it)`. */
function fillRaw(path: string, value: (name: string, before: string) => string): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      return name === undefined ? segment : encodeURIComponent(value(name, segments[i - 1] ?? ''));
    })
    .join('/');
}

/** Which seeded thing a path parameter names, by its name and the segment before it. */
function existing(name: string, before: string, seeded: Seeded): string {
  const byPlace: Record<string, string> = {
    'projects/id': seeded.projectId,
    'by-name/name': seeded.projectName,
    'runs/id': seeded.runId,
    'predictions/id': seeded.predictionId,
    'trials/trial': seeded.trialId,
    'tags/key': seeded.tagKey,
    'metrics/key': seeded.metricKey,
    'models/name': seeded.modelName,
    'versions/ref': seeded.modelVersion,
    'aliases/alias': seeded.alias,
  };
  const found = byPlace[`${before}/${name}`] ?? (name === 'ref' ? seeded.alias : undefined);
  if (found === undefined) throw new Error(`fuzz: which seeded value does {${name}} after /${before}/ name?`);
  return found;
}
