import fc from 'fast-check';
import { normalizeArtifactPath } from '../../../src/core/artifact-path.js';
import { ARTIFACT_PROXY_PREFIXES } from '../../../src/http/mlflow/artifact-proxy.js';
import type { HostileRequest } from './hostile-request.js';
import { queryOf } from './hostile-request.js';
import type { Seeded } from './seed.js';
import { hostileText, wellFormed } from './values.js';

/** Ways to climb out of a directory or name one elsewhere, raw (as in a URL) and percent-encoded. */
const ESCAPES = [
  '..',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '%2e.',
  '..%2f..',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e',
  '..%5c..',
  '..\\..',
  '\\',
  '%5c',
  '%5C..%5C',
  'a%00b',
  '%00',
  '%2fetc%2fpasswd',
  'C:',
  'c:%5cwindows',
  '%c0%ae%c0%ae', // overlong UTF-8 for '..': not UTF-8 at all
  '%zz',
  '%',
];

/**
 * A raw artifact path (what follows `/artifacts/` in the URL), built around an escape. Whether it must be
 * refused is `unsafeTarget`'s to say, on the whole request path.
 */
function rawPath(seeded: Seeded): fc.Arbitrary<string> {
  const segment = fc.oneof(
    fc.constantFrom('model', 'MLmodel', 'a.txt', '.', ''),
    hostileText
      .map((s) => s.slice(0, 30))
      .filter(wellFormed)
      .map((s) => encodeURIComponent(s).replaceAll('.', '%2e'))
      .filter(Boolean),
  );
  return fc
    .tuple(
      fc.constantFrom('', '/', `1/${seeded.runId}/artifacts/`, 'a/b/'),
      fc.array(segment, { maxLength: 2 }),
      fc.constantFrom(...ESCAPES),
      fc.array(fc.oneof(segment, fc.constantFrom(...ESCAPES)), { maxLength: 3 }),
    )
    .map(([start, before, climb, after]) => `${start}${[...before, climb, ...after].join('/')}`);
}

/**
 * Whether a request for `target` (path and query as sent) must be refused as an artifact path: HTTP resolves
 * dot segments first (`a/b/../c` is `a/c`, `%2e%2e` included, as every client and the Node adapter do), so
 * what counts is the path the app sees. It must still be an artifact route's, and its artifact path must
 * be one the artifact path rule refuses: absolute, climbing with `..`, with a backslash or NUL, or not
 * decoding at all. A raw backslash is refused before any of that.
 */
function unsafeTarget(prefix: string, target: string): boolean {
  if (target.split('?')[0]!.includes('\\')) return true;
  const resolved = new URL(target, 'http://127.0.0.1').pathname;
  const route = `${prefix}/artifacts/`;
  if (!resolved.startsWith(route)) return false;
  try {
    normalizeArtifactPath(decodeURIComponent(resolved.slice(route.length)));
    return false;
  } catch {
    return true;
  }
}

/** An artifact path the rule refuses, as a query parameter's value (decoded, so no dot segments resolve). */
function unsafeDecodedPath(seeded: Seeded): fc.Arbitrary<string> {
  return rawPath(seeded)
    .filter(decodes)
    .map((raw) => decodeURIComponent(raw))
    .filter((path) => {
      try {
        normalizeArtifactPath(path);
        return false;
      } catch {
        return true;
      }
    });
}

/** Every artifact route, with an unsafe path where each takes one. */
export function artifactRequests(seeded: Seeded): fc.Arbitrary<HostileRequest> {
  const raw = rawPath(seeded);
  const decoded = unsafeDecodedPath(seeded);
  const file = (method: string) =>
    fc
      .tuple(fc.constantFrom(...ARTIFACT_PROXY_PREFIXES), raw)
      .filter(([prefix, path]) => unsafeTarget(prefix, `${prefix}/artifacts/${path}`))
      .map(([prefix, path]) => ({ method, path: `${prefix}/artifacts/${path}`, why: `${method} a file` }));
  return fc.oneof(
    file('GET'),
    file('DELETE'),
    fc.tuple(file('PUT'), fc.uint8Array({ maxLength: 64 })).map(([request, body]) => ({
      ...request,
      headers: { 'content-type': 'application/octet-stream' },
      body,
    })),
    fc.tuple(fc.constantFrom(...ARTIFACT_PROXY_PREFIXES), decoded).map(([prefix, path]) => ({
      method: 'GET',
      path: `${prefix}/artifacts${queryOf([['path', path]])}`,
      why: 'list a directory',
    })),
    decoded.map((path) => ({
      method: 'GET',
      path: `/api/2.0/mlflow/artifacts/list${queryOf([
        ['run_id', seeded.runId],
        ['path', path],
      ])}`,
      why: "list a run's artifacts",
    })),
  );
}

function decodes(raw: string): boolean {
  try {
    encodeURIComponent(decodeURIComponent(raw));
    return true;
  } catch {
    return false;
  }
}
