import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/server/services.js';
import { openStore } from '../../src/store/open-store.js';
import { ratchet, startServerProcess } from '../support/processes.js';

const MODEL = `export const predict = (inputs) => inputs.map(({ x }) => ({ output: x > 0 ? 'up' : 'down', score: 0.9 }));`;

describe('ratchet serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-serve-cli-'));
  const store = join(dir, 'r.db');
  const artifacts = join(dir, 'artifacts');
  let server: { url: string; child: ChildProcess } | undefined;

  beforeAll(async () => {
    const opened = await openStore(store);
    const services = createServices(opened, Date.now, { artifactRoot: artifacts });
    const put = (path: string, text: string) => services.artifacts.put(path, new Blob([text]).stream());
    await put('0/m1/model/ratchet-model.json', JSON.stringify({ flavor: 'js', entry: 'model.mjs' }));
    await put('0/m1/model/model.mjs', MODEL);
    await put('0/m2/model/ratchet-model.json', '{"flavor": "pickle"}');
    for (const [name, source] of [
      ['trend', 'mlflow-artifacts:/0/m1/model'],
      ['broken', 'mlflow-artifacts:/0/m2/model'],
    ] as const) {
      await services.registry.models.create({ name });
      await services.registry.versions.create({ name, source });
      await services.registry.models.setAlias(name, 'production', 1);
    }
    await opened.close();
  });
  afterAll(async () => {
    if (server === undefined || server.child.exitCode !== null) return;
    const exited = new Promise((resolve) => server?.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  });

  it('serves the model and the prediction log, and nothing else', async () => {
    server = await startServerProcess(['trend@production', '--store', store, '--artifacts', artifacts], {
      command: 'serve',
    });
    const predicted = await fetch(`${server.url}/api/v1/models/trend/production/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [{ x: 1 }, { x: -1 }] }),
    });
    expect(predicted.status).toBe(200);
    const body = await predicted.json();
    expect(body).toMatchObject({
      model: 'trend',
      version: 1,
      predictions: [{ output: 'up' }, { output: 'down' }],
    });
    const logged = await (await fetch(`${server.url}/api/v1/predictions?model=trend`)).json();
    expect(logged.total).toBe(2);
    expect((await fetch(`${server.url}/api/v1/projects`)).status).toBe(404);
    expect((await fetch(`${server.url}/`)).status).toBe(404);
  });

  it('refuses to start when the model cannot be served or does not exist', () => {
    const broken = ratchet([
      'serve',
      'broken@production',
      '--store',
      store,
      '--artifacts',
      artifacts,
      '--port',
      '0',
    ]);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('Model broken/1 cannot be served');
    expect(broken.stderr).toContain('only "js"');
    const unknown = ratchet([
      'serve',
      'nothing@production',
      '--store',
      store,
      '--artifacts',
      artifacts,
      '--port',
      '0',
    ]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/nothing/);
  });
});
