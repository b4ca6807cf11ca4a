import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/server/services.js';
import { openStore } from '../../src/store/open-store.js';
import { ratchet } from '../support/processes.js';

describe('ratchet predictions, feedback and model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-predictions-cli-'));
  const store = join(dir, 'r.db');
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    const opened = await openStore(store);
    const services = createServices(opened);
    await services.registry.models.create({ name: 'churn' });
    await services.registry.versions.create({ name: 'churn', source: 'mlflow-artifacts:/m' });
    await services.registry.models.setAlias('churn', 'production', 1);
    await services.predictions.log(
      Array.from({ length: 8 }, (_, n) => ({
        id: `p${n}`,
        model: 'churn@production',
        input: { plan: n < 4 ? 'free' : 'paid' },
        output: n % 2 === 0 ? 'stay' : 'leave',
        score: 0.5 + n / 20,
        time: 1_000 + n,
      })),
    );
    await opened.close();
  });

  it('labels one prediction, refusing a second label unless --replace', () => {
    const added = ratchet([
      'feedback',
      'add',
      'p0',
      'leave',
      '--comment',
      'called to cancel',
      '--store',
      store,
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/p0\s+churn\/1\s.*"stay"\s+0\.5\s+"leave"/);
    const again = ratchet(['feedback', 'add', 'p0', 'stay', '--store', store]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already has a label/);
    const replaced = ratchet(['feedback', 'add', 'p0', 'leave', '--replace', '--store', store, '--json']);
    expect(JSON.parse(replaced.stdout).feedback).toMatchObject({ label: 'leave', comment: null });
  });

  it('uploads a CSV, reporting each line and failing on the bad one while keeping the good ones', () => {
    const csv = file(
      'labels.csv',
      'id,label,comment\np1,leave,"said ""bye"", then left"\nnope,stay,\np2,stay,\np3,,\n',
    );
    const result = ratchet(['feedback', 'upload', csv, '--store', store]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^2\s+p1\s+ok$/m);
    expect(result.stdout).toMatch(/^3\s+nope\s+not_found: /m);
    expect(result.stdout).toMatch(/^4\s+p2\s+ok$/m);
    expect(result.stdout).toMatch(/^5\s+invalid: id and label are required$/m);
    expect(result.stdout).toContain('2 labelled, 2 failed');
  });

  it('uploads JSON lines, with --replace, and lists what is wrong', () => {
    const jsonl = file(
      'labels.jsonl',
      [
        '{"id": "p1", "label": "stay", "author": "bo"}',
        '{"id": "p4", "label": 1}',
        'not json',
        '{"id": "p5", "label": "stay"}',
      ].join('\n'),
    );
    const result = ratchet(['feedback', 'upload', jsonl, '--replace', '--store', store, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject([
      { line: 1, id: 'p1', ok: true },
      { line: 2, id: 'p4', ok: false, code: 'invalid' },
      { line: 3, id: null, ok: false, code: 'invalid' },
      { line: 4, id: 'p5', ok: true },
    ]);
    const wrong = ratchet(['predictions', '--model', 'churn', '--wrong', '--store', store, '--json']);
    expect(
      JSON.parse(wrong.stdout)
        .predictions.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual(['p0', 'p1', 'p5']);
    const unlabelled = ratchet(['predictions', '--unlabelled', '--limit', '2', '--store', store]);
    expect(unlabelled.stdout).toContain('2 of 4 predictions');
  });

  it('shows live quality per version and the error analysis', () => {
    const quality = ratchet(['model', 'quality', 'churn', '--store', store]);
    expect(quality.code, quality.stderr).toBe(0);
    expect(quality.stdout).toMatch(/^1\s+production\s+4\s+0\.25 \[[\d.e-]+, 0\.\d+\]\s+none$/m);
    const errors = ratchet(['model', 'errors', 'churn', '--top', '2', '--store', store]);
    expect(errors.code, errors.stderr).toBe(0);
    expect(errors.stdout).toMatch(/confusion \(rows: label, columns: output\)/);
    expect(errors.stdout).toMatch(/^"leave"\s+0\s+1$/m);
    expect(errors.stdout).toMatch(/^"stay"\s+2\s+1$/m);
    expect(errors.stdout).toMatch(/^p5\s+"leave"\s+"stay"\s+0\.75/m);
    expect(ratchet(['model', 'quality', 'nope', '--store', store]).stderr).toMatch(
      /not found|does not exist/i,
    );
  });
});
