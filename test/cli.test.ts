import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../src/server/services.js';
import { openStore } from '../src/store/open-store.js';
import { ratchet } from './support/processes.js';

describe('ratchet CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-cli-'));
  const store = join(dir, 'r.db');
  let runId = '';

  beforeAll(async () => {
    const opened = await openStore(store);
    const services = createServices(opened);
    const project = await services.projects.create({
      name: 'mnist',
      primaryMetric: 'acc',
      direction: 'maximize',
    });
    const run = await services.runs.create({ projectId: project.id, name: 'first', params: { lr: '0.1' } });
    await services.runs.logBatch(run.info.id, {
      metrics: [{ key: 'acc', value: 0.91, step: 3, timestamp: 1 }],
      params: {},
      tags: { note: 'hi' },
    });
    runId = run.info.id;
    await opened.close();
  });

  it('lists projects as a table and as JSON', () => {
    const human = ratchet(['projects', '--store', store]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/mnist\s+acc \(maximize\)/);
    const json = JSON.parse(ratchet(['projects', '--store', store, '--json']).stdout);
    expect(json.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Default', 'mnist']));
  });

  it('lists runs and shows one', () => {
    const runs = ratchet(['runs', 'mnist', '--store', store]);
    expect(runs.stdout).toContain(runId);
    expect(runs.stdout).toMatch(/first\s+RUNNING/);
    const shown = JSON.parse(ratchet(['show', runId, '--store', store, '--json']).stdout);
    expect(shown).toMatchObject({
      id: runId,
      params: { lr: '0.1' },
      metrics: { acc: { value: 0.91, step: 3 } },
    });
    expect(ratchet(['show', runId, '--store', store]).stdout).toMatch(/acc\s+0.91\s+3/);
  });

  it('fails with one line and a non-zero exit on bad input', () => {
    for (const args of [
      ['show', 'nope', '--store', store],
      ['runs', 'no-such-project', '--store', store],
      ['runs', 'mnist', '--max-results', 'many', '--store', store],
      ['server', '--port', '99999'],
      ['frobnicate'],
    ]) {
      const result = ratchet(args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
