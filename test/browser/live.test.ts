import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.js';
import { drawnChart, textOf } from '../support/ui-pages.js';
import { logCurves } from '../support/ui-seed.js';

describeInBrowser('live run', (ui) => {
  it('grows a running run’s curve as points are logged, without a reload', async () => {
    const { live, trials, project, metric } = ui.seed;
    const page = await ui.open(`/projects/${project}/trials/${trials.live.number}?key=${metric}&seeds=1`);
    await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
    const before = await drawnChart(page, 'curves-chart');
    expect(before.points).toBeGreaterThan(0);
    // A reload would lose this mark.
    await page.evaluate(() => {
      (window as { __sameDocument?: boolean }).__sameDocument = true;
    });

    logCurves(live.run, live.loggedSteps, live.loggedSteps * 2, 0.77);
    await live.run.flush();

    await expect
      .poll(async () => (await drawnChart(page, 'curves-chart')).points, { timeout: 15_000 })
      .toBeGreaterThan(before.points);
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await textOf(page.getByTestId('live-indicator'))).toMatch(/live/i);
  });
});
