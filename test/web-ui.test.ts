import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { BUILT_UI_DIR } from '../src/http/web-ui.js';
import { createServices } from '../src/server/services.js';
import type { Store } from '../src/store/store.js';
import { testDatabases } from './support/databases.js';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const INDEX =
  '<!doctype html><title>Ratchet UI</title><script type="module" src="/assets/app-1a2b.js"></script>';

describe('the web UI at /', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let built: ReturnType<typeof createApp>;
  let unbuilt: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ({ store, dispose } = await testDatabases[0]!.open());
    const root = mkdtempSync(join(tmpdir(), 'ratchet-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log(1);');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    writeFileSync(join(tmpdir(), 'secret.txt'), 'no');
    built = createApp(createServices(store), { webRoot: root });
    unbuilt = createApp(createServices(store), { webRoot: join(root, 'missing') });
  });
  afterAll(() => dispose?.());

  const expectSecurityHeaders = (response: Response) => {
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  };

  it('answers / and client-side routes with index.html, revalidated on each load', async () => {
    for (const path of [
      '/',
      '/projects/penguins',
      '/trials/penguins%233',
      '/runs?project=penguins',
      '/compare?a=1&b=2',
    ]) {
      const response = await built.request(path, { headers: HTML });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expectSecurityHeaders(response);
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('serves /assets/* for good and other files of the build revalidated', async () => {
    const asset = await built.request('/assets/app-1a2b.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(asset);
    expect(await asset.text()).toBe('console.log(1);');
    const icon = await built.request('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for a missing asset, a path leaving the build, and a non-HTML GET of an unknown path', async () => {
    expect((await built.request('/assets/gone.js', { headers: HTML })).status).toBe(404);
    for (const path of ['/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await built.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toBe('no');
    }
    expect(
      (await built.request('/projects/penguins', { headers: { accept: 'application/json' } })).status,
    ).toBe(404);
  });

  it('leaves API paths to the APIs: unknown ones keep their JSON 404s, even for a browser', async () => {
    for (const path of [
      '/api/v1/nope',
      '/api/2.0/mlflow/nope',
      '/ajax-api/2.0/mlflow/nope',
      '/api/2.0/mlflow-artifacts/x',
    ]) {
      const response = await built.request(path, { headers: HTML });
      expect(response.status, path).toBe(404);
      expect((await response.json()).error_code).toBe('ENDPOINT_NOT_FOUND');
    }
    for (const path of ['/get-artifact?path=x', '/model-versions/get-artifact']) {
      const response = await built.request(path, { headers: HTML });
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toBe(INDEX);
    }
    expect(await (await built.request('/health', { headers: HTML })).text()).toBe('OK');
    const projects = await built.request('/api/v1/projects', { headers: HTML });
    expect(projects.headers.get('content-type')).toContain('application/json');
  });

  it('says how to build the UI when there is no build', async () => {
    const response = await unbuilt.request('/projects/penguins', { headers: HTML });
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    expect(await response.text()).toContain('npm run build');
  });

  it("finds the build in the package's dist/web, from src/ as from dist/", () => {
    expect(BUILT_UI_DIR.endsWith(`${sep}dist${sep}web${sep}`)).toBe(true);
    expect(existsSync(join(dirname(dirname(BUILT_UI_DIR)), 'package.json'))).toBe(true);
  });
});
