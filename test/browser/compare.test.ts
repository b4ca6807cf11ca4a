import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.js';
import { diffKeys, drawnChart, textOf } from '../support/ui-pages.js';
import { SHARED_PARAMS } from '../support/ui-seed-plan.js';

describeInBrowser('compare', (ui) => {
  /** Seed 1 of two trials: same seed, same shared params; 'worse' adds C = 0.01 to the baseline's params. */
  const firstSeedOf = (trial: number) => ui.seed.runs.find((r) => r.trial === trial && r.seed === 1)!.id;
  const equalParams = ['model', ...Object.keys(SHARED_PARAMS)];

  it('shows only the params that differ between two runs, and everything on request', async () => {
    const runs = [ui.seed.trials.better.number, ui.seed.trials.worse.number].map(firstSeedOf);
    const page = await ui.open(`/compare?runs=${runs.join(',')}`);
    const table = page.getByTestId('compare-params');
    await table.getByTestId('diff-row').first().waitFor();
    const shown = await diffKeys(page);
    expect(shown).toContain('C');
    for (const key of equalParams) expect(shown).not.toContain(key);

    await page.getByTestId('show-all').click();
    await expect.poll(() => diffKeys(page)).toEqual(expect.arrayContaining(['C', ...equalParams]));
    await drawnChart(page, 'compare-chart');
  });

  it('compares two trials: the differing param, and the metric with its Δ', async () => {
    const trials = [ui.seed.trials.better.number, ui.seed.trials.same.number].map(
      (n) => `${ui.seed.project}%23${n}`,
    );
    const page = await ui.open(`/compare?trials=${trials.join(',')}`);
    await page.getByTestId('diff-row').first().waitFor();
    const shown = await diffKeys(page);
    expect(shown).toContain('class_weight');
    for (const key of equalParams) expect(shown).not.toContain(key);
    await expect.poll(() => textOf(page.getByTestId('compare-metrics'))).toContain(ui.seed.metric);
  });
});
