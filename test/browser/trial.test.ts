import { expect, it } from 'vitest';
import { Ratchet } from '../../src/sdk/index.js';
import { describeInBrowser } from '../support/browser.js';
import { drawnChart, textOf, visibleText } from '../support/ui-pages.js';
import type { UiSeed } from '../support/ui-seed.js';

describeInBrowser('trial page', (ui) => {
  const path = (trial: number) => `/projects/${ui.seed.project}/trials/${trial}?key=${ui.seed.metric}`;
  const judged: (keyof UiSeed['trials'])[] = ['better', 'worse', 'same', 'undecided', 'broken'];

  it.each(judged)('states the verdict of the %s trial in words', async (key) => {
    const trial = ui.seed.trials[key];
    const page = await ui.open(path(trial.number));
    const words = trial.outcome.replaceAll('_', ' ');
    await expect
      .poll(() => visibleText(page.getByTestId('verdict')))
      .toMatch(new RegExp(`\\b${words}\\b`, 'i'));
  });

  it('gives the improved verdict’s numbers: the estimate against the baseline', async () => {
    const { better, heuristic } = ui.seed.trials;
    const page = await ui.open(path(better.number));
    const estimate = (better.mean - heuristic.mean).toFixed(3); // 0.049
    await expect.poll(() => textOf(page.getByTestId('verdict'))).toContain(estimate);
  });

  it('draws the seeds’ band, and each seed on request', async () => {
    const { better } = ui.seed.trials;
    const seeds = ui.seed.runs.filter((r) => r.trial === better.number).length;
    const page = await ui.open(path(better.number));
    const band = await drawnChart(page, 'curves-chart');
    expect(band.series).toBeGreaterThan(0);
    expect(band.points).toBeGreaterThan(0);
    await page.getByTestId('seed-toggle').check();
    await page.waitForURL(/[?&]seeds=1/);
    await expect.poll(async () => (await drawnChart(page, 'curves-chart')).series).toBe(band.series + seeds);
    expect(await textOf(page.getByTestId('trial-runs'))).toMatch(/FINISHED|finished/);
  });

  it('says there is nothing to draw for a trial without metrics, and is ready', async () => {
    const ratchet = new Ratchet({ uri: ui.url });
    const trial = await ratchet.trials.start({ project: ui.seed.project, hypothesis: 'not run yet' });
    const page = await ui.open(`/projects/${ui.seed.project}/trials/${trial.info.number}`);
    expect(await drawnChart(page, 'curves-chart')).toEqual({ series: 0, points: 0 });
    expect(await textOf(page.getByTestId('curves-chart'))).toContain('Nothing to draw');
  });

  it('shows the per-example (McNemar) table only for a trial with per-example results', async () => {
    const { better, worse } = ui.seed.trials;
    expect([better.perExample, worse.perExample]).toEqual([true, false]);
    const page = await ui.open(path(better.number));
    await page.getByTestId('per-example').waitFor();
    await page.goto(new URL(path(worse.number), ui.url).href);
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('per-example').count()).toBe(0);
  });

  it('lists the change-set against the parent', async () => {
    const page = await ui.open(path(ui.seed.trials.worse.number));
    await expect.poll(() => textOf(page.getByTestId('change-set'))).toContain('C');
    expect(await textOf(page.getByTestId('change-set'))).toContain('0.01');
  });
});
