import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';

/**
 * Where `npm run build` puts the UI: `<package root>/dist/web/`. This module sits two levels below the root
 * both as src/http/web-ui.ts (under tsx) and as dist/http/web-ui.js (installed), so its own URL finds it.
 */
export const BUILT_UI_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Paths that belong to an API (or to MLflow's UI routes): never answered with the UI's page. */
const NOT_UI_PREFIXES = ['/api/', '/ajax-api/', '/get-artifact', '/model-versions/'];

/** The UI's own; the perimeter adds those every response carries (perimeter/security-headers.ts). */
const UI_SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

/** Vite's hashed files never change under one name; everything else is revalidated on each load. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ratchet</title></head>
<body><h1>Ratchet</h1><p>The web UI is not built. Run <code>npm run build</code> in the Ratchet package, then
reload. The API is served at <a href="/api/v1/openapi.json">/api/v1</a>.</p></body></html>
`;

/**
 * Serves the built UI: its files (`/assets/*` cached for good), and for any other GET that accepts HTML and
 * is not an API path, `index.html`, so client-side routes (`/projects/penguins`, `/trials/penguins%233`)
 * load the app. Mount it after every other route.
 */
export function mountWebUi(app: Hono, root: string = BUILT_UI_DIR): void {
  const base = resolve(root);
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (NOT_UI_PREFIXES.some((prefix) => path.startsWith(prefix))) return next();
    const file = fileUnder(base, path);
    if (file !== undefined && path !== '/index.html' && (await isFile(file))) {
      return send(await readBytes(file), file, path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    }
    if (path.startsWith('/assets/') || !acceptsHtml(c)) return next();
    const index = join(base, 'index.html');
    if (!(await isFile(index))) return send(NOT_BUILT_PAGE, index, REVALIDATE);
    return send(await readBytes(index), index, REVALIDATE);
  });
}

/** The file a URL path names inside the UI's directory, or undefined if it would leave it. */
function fileUnder(base: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(base, `.${decoded}`);
  return file.startsWith(base + sep) ? file : undefined;
}

/** A file's bytes (readFile never returns a shared buffer). */
async function readBytes(path: string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readFile(path);
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

function acceptsHtml(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/html');
}

function send(body: Uint8Array<ArrayBuffer> | string, file: string, cacheControl: string): Response {
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(body, {
    headers: { ...UI_SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cacheControl },
  });
}
