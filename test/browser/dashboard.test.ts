import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.js';
import { drawnChart, showsNumber, textOf } from '../support/ui-pages.js';

describeInBrowser('project dashboard', (ui) => {
  const dashboard = () => `/projects/${ui.seed.project}`;

  it('shows the baseline: its metric value and its trial', async () => {
    const page = await ui.open(dashboard());
    const card = page.getByTestId('baseline-card');
    await expect.poll(async () => showsNumber(await textOf(card), ui.seed.baseline.mean)).toBe(true);
    expect(await textOf(card)).toContain(`#${ui.seed.baseline.number}`);
  });

  it('draws the progress chart with a point for every judged trial and its seeds', async () => {
    const page = await ui.open(dashboard());
    const chart = await drawnChart(page, 'progress-chart');
    const trialsWithValues = Object.values(ui.seed.trials).filter((t) => Number.isFinite(t.mean)).length;
    const finishedSeeds = ui.seed.runs.filter((r) => r.status === 'FINISHED').length;
    expect(chart.series).toBeGreaterThan(0);
    expect(chart.points).toBeGreaterThanOrEqual(trialsWithValues + finishedSeeds);
  });

  it('keeps a notebook entry per trial with its verdict, and filters what didn’t work', async () => {
    const page = await ui.open(dashboard());
    const entries = page.getByTestId('notebook-entry');
    const trials = Object.values(ui.seed.trials);
    await expect.poll(() => entries.count()).toBe(trials.length);
    const verdicts = await entries.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-verdict')));
    expect(verdicts.sort()).toEqual(
      [
        'improved',
        'worse',
        'no_detectable_difference',
        'inconclusive',
        'failed',
        'pending',
        'pending',
      ].sort(),
    );
    await page.getByTestId('didnt-work-filter').click();
    await expect
      .poll(async () =>
        (await entries.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-verdict')))).sort(),
      )
      .toEqual(['failed', 'no_detectable_difference', 'worse']);
  });
});
