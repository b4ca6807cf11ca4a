import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const VERDICTS = ['improved', 'worse', 'no_detectable_difference', 'inconclusive'];

function ratchet(args: string[], cwd = root) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 240_000,
  });
}

describe('ratchet demo (npm start)', () => {
  it('runs the whole loop on the Seattle weather: verdicts, promotions, a served model, feedback, a judged retrain', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ratchet-demo-test-')), 'work');
    const result = ratchet(['demo', '--quick', '--exit', '--port', '0', '--dir', dir]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = result.stdout;

    // The summary table: one row per trial — the baseline, the first model, four single changes, the retrain.
    const rows = out
      .split('\n')
      .filter((line) => line.startsWith('seattle-weather#'))
      .map((line) => line.split(/\s{2,}/));
    expect(rows).toHaveLength(7);
    const [baseline, ...judged] = rows;
    expect(baseline).toEqual([
      'seattle-weather#1',
      'model=majority (baseline)',
      expect.stringMatching(/^0\.\d{3} ± /),
      'baseline',
      'promoted',
    ]);
    expect(judged.map((r) => r[1])).toEqual([
      'model=mlp',
      'features=+month',
      'dropout=0.5',
      'log_precip=true',
      'lr=0.001',
      'retrain on the feedback',
    ]);
    for (const row of judged) expect(VERDICTS).toContain(row[3]);
    const changes = judged.slice(0, 5);
    expect(changes.filter((r) => r[4] === 'promoted').length).toBeGreaterThanOrEqual(1);
    expect(changes.filter((r) => r[4] === undefined).length).toBeGreaterThanOrEqual(1);
    // An improved trial is promoted unless the project's minimum effect refuses it, which the summary says.
    for (const row of changes) {
      if (row[3] !== 'improved') expect(row[4]).toBeUndefined();
      else if (row[4] === 'refused')
        expect(out).toContain(`Refused: ${row[0]} is not promoted: its improvement`);
      else expect(row[4]).toBe('promoted');
    }
    expect(out).toMatch(/^The web UI: +http:\/\/127\.0\.0\.1:\d+\/projects\/seattle-weather$/m);
    expect(out).toMatch(/^Wall time: project [\d.]+ s, .*total [\d.]+ s$/m);

    // What the store kept, read back as a user would after the demo.
    const store = join(dir, '.ratchet', 'ratchet.db');
    const quality = JSON.parse(
      ratchet(['model', 'quality', 'seattle-weather', '--store', store, '--json']).stdout,
    );
    const served = quality.versions.find((v: { aliases: string[] }) => v.aliases.includes('production'));
    expect(served.labelled).toBe(365);
    expect(served.offline.metric).toBe('acc');

    // The promotions the summary claims are exactly the store's baseline history (which lists the newest first).
    const trialOf = (label: string) =>
      JSON.parse(ratchet(['trial', 'show', label, '--store', store, '--json']).stdout);
    const history = JSON.parse(
      ratchet(['baseline', 'history', 'seattle-weather', '--store', store, '--json']).stdout,
    );
    const promotedIds = rows.filter((r) => r[4] === 'promoted').map((r) => trialOf(r[0]!).id);
    expect(history.map((p: { trial_id: string }) => p.trial_id)).toEqual(promotedIds.reverse());

    const retrainRow = judged[5]!;
    const retrainLabel = retrainRow[0]!;
    const retrain = trialOf(retrainLabel);
    expect(VERDICTS).toContain(retrain.outcome);
    expect(retrain.change_set).toEqual([
      expect.objectContaining({ kind: 'data', key: 'feedback', from: null }),
    ]);
    expect(retrain.runs.every((r: { status: string }) => r.status === 'FINISHED')).toBe(true);
    // The alias moves only on an improvement the project accepts; an improvement below its minimum effect says so.
    const moved = retrainRow[4] === 'promoted';
    expect(out.includes(`${retrainLabel} improved`)).toBe(moved);
    expect(retrain.is_baseline).toBe(moved);
    if (moved) expect(retrain.outcome).toBe('improved');
    else if (retrain.outcome === 'improved') {
      expect(retrainRow[4]).toBe('refused');
      expect(out).toMatch(/^Retrain: .* is not promoted: its improvement .* minimum effect/m);
    } else expect(retrainRow[4]).toBeUndefined();
  }, 300_000);
});
