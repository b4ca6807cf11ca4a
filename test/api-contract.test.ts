import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../src/contract/index.js';
import { testApp } from './support/app.js';
import { testDatabases } from './support/databases.js';

const sqlite = testDatabases[0]!;

describe('the /api/v1 contract', () => {
  let dispose: () => Promise<void>;
  let harness: ReturnType<typeof testApp>;
  beforeAll(async () => {
    const opened = await sqlite.open();
    dispose = opened.dispose;
    harness = testApp(opened.store);
  });
  afterAll(async () => dispose?.());

  it('serves an OpenAPI 3.1 document listing every /api/v1 route the app serves', async () => {
    const { status, json: document } = await harness.call('GET', '/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(document.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const served = harness.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.path !== '/api/v1/*' && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    expect(served.length).toBeGreaterThanOrEqual(allRoutes().length);
    for (const route of served) expect(documented, route).toContain(route);
    expect(documented.size).toBe(allRoutes().length);
  });

  it('documents each operation with its parameters, body and response schemas', async () => {
    const { json: document } = await harness.call('GET', '/api/v1/openapi.json');
    const history = document.paths['/api/v1/runs/{id}/metrics/{key}'].get;
    expect(history.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'path:id',
      'path:key',
      'query:max_points',
      'query:start_step',
      'query:end_step',
    ]);
    const batch = document.paths['/api/v1/runs/{id}/batch'].post;
    const series = batch.requestBody.content['application/json'].schema.properties.series.items;
    expect(series.properties.steps).toEqual({ type: 'array', items: { type: 'integer' } });
    expect(series.required).toEqual(['key', 'steps', 'values']);
    const run = document.paths['/api/v1/runs/{id}'].get.responses['200'].content['application/json'].schema;
    expect(run.properties.run.properties.metrics.additionalProperties.properties.non_finite).toBeDefined();
    expect(document.paths['/api/v1/projects/{id}/report'].get.responses['200'].content).toHaveProperty(
      'text/markdown',
    );
  });

  it('answers an invalid request with a 400 naming every bad field, and writes nothing', async () => {
    const res = await harness.call('POST', '/api/v1/projects', {
      name: 42,
      direction: 'sideways',
      primary_metrc: 'acc',
      settings: { min_effect: -1 },
    });
    expect(res.status).toBe(400);
    expect(res.json.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(res.json.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body',
      'body.direction',
      'body.name',
      'body.settings.min_effect',
    ]);
    expect(res.json.details.find((d: { path: string }) => d.path === 'body').message).toContain(
      "'primary_metrc'",
    );
    expect(res.json.message).toMatch(/^Invalid request: body\.\w+: .+ \(and 3 more problems\)\.$/);
    const listed = await harness.call('GET', '/api/v1/projects');
    expect(listed.json.projects.map((p: { name: string }) => p.name)).toEqual(['Default']);
  });

  it('checks path and query parameters too', async () => {
    const res = await harness.call(
      'GET',
      `/api/v1/runs/${'x'.repeat(300)}/metrics/loss?max_points=0&start_step=a`,
    );
    expect(res.status).toBe(400);
    expect(res.json.details.map((d: { path: string }) => d.path)).toEqual([
      'path.id',
      'query.max_points',
      'query.start_step',
    ]);
  });

  it('never echoes unbounded input back', async () => {
    const hugeKey = 'k'.repeat(100_000);
    const manyKeys = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field${i}`, i]));
    for (const body of [
      { name: 'p', [hugeKey]: 1 },
      { name: 'p', ...manyKeys },
      { name: 'n'.repeat(100_000) },
    ]) {
      const res = await harness.call('POST', '/api/v1/projects', body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.json).length).toBeLessThan(2_000);
    }
    const unknown = await harness.call('GET', `/api/v1/${'x'.repeat(50_000)}`);
    expect(unknown).toMatchObject({ status: 404, json: { error_code: 'ENDPOINT_NOT_FOUND' } });
    expect(unknown.json.message).toMatch(/… \(50,008 characters\)$/);
    const deep = await harness.call('POST', '/api/v1/runs/abc/batch', {
      series: Array.from({ length: 1000 }, () => ({ key: 'loss', steps: ['x'], values: [1] })),
    });
    expect(deep.status).toBe(400);
    expect(deep.json.details).toHaveLength(20);
    expect(JSON.stringify(deep.json).length).toBeLessThan(5_000);
  });

  it('keeps keys such as __proto__ as ordinary keys of params, tags and query strings', async () => {
    const created = await harness.call('POST', '/api/v1/runs', {
      project: 'proto',
      params: JSON.parse('{"__proto__": "p", "lr": "0.1"}'),
    });
    expect(created.status).toBe(200);
    expect(Object.keys(created.json.run.params).sort()).toEqual(['__proto__', 'lr']);
    const odd = await harness.call('GET', '/api/v1/projects?__proto__=x&view=all');
    expect(odd.status).toBe(200);
    expect(odd.json.projects.map((p: { name: string }) => p.name).sort()).toEqual(['Default', 'proto']);
  });
});
