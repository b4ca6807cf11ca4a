import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.js';
import { expectRows, runsPath, textOf } from '../support/ui-pages.js';

describeInBrowser('runs explorer', (ui) => {
  const runsOf = (model: string) => ui.seed.runs.filter((r) => r.params.model === model).map((r) => r.id);

  it('counts every run, and a filter narrows the table to the matching runs', async () => {
    const page = await ui.open(runsPath(ui.seed.project));
    await expect
      .poll(() => textOf(page.getByTestId('runs-count')))
      .toMatch(new RegExp(`^${ui.seed.runs.length} runs?`));
    await page.getByTestId('runs-filter').fill("params.model = 'majority'");
    await page.getByTestId('runs-filter').press('Enter');
    await expectRows(page, runsOf('majority'));
    expect(await textOf(page.getByTestId('runs-count'))).toMatch(/^5 runs/);
    expect(new URL(page.url()).searchParams.get('filter')).toBe("params.model = 'majority'");
  });

  it('shows a bad filter’s error inline and keeps the rows', async () => {
    const page = await ui.open(runsPath(ui.seed.project, { filter: "params.model = 'transformer'" }), {
      // The server answers the bad filter with a 400, which chromium logs.
      allowedConsoleErrors: [/status of 400/],
    });
    await expectRows(page, runsOf('transformer'));
    await page.getByTestId('runs-filter').fill('params.model = = 1');
    await page.getByTestId('runs-filter').press('Enter');
    await expect.poll(() => textOf(page.getByTestId('runs-filter-error'))).not.toBe('');
    await expectRows(page, runsOf('transformer'));
  });

  it('restores a deep link’s filter, columns and rows, and the back button returns to it', async () => {
    const linked = { filter: "params.model = 'majority'", columns: 'params.model,metrics.acc' };
    const page = await ui.open(runsPath(ui.seed.project, linked));
    const filter = page.getByTestId('runs-filter');
    await expectRows(page, runsOf('majority'));
    expect(await filter.inputValue()).toBe(linked.filter);
    // The linked columns are shown: each row carries its model, and seed 2's accuracy appears.
    const rowTexts = await page.getByTestId('run-row').allTextContents();
    expect(rowTexts.every((text) => text.includes('majority'))).toBe(true);
    expect(rowTexts.some((text) => text.includes('0.705'))).toBe(true);

    await filter.fill("params.model = 'transformer'");
    await filter.press('Enter');
    await expectRows(page, runsOf('transformer'));
    await page.goBack();
    await expectRows(page, runsOf('majority'));
    expect(await filter.inputValue()).toBe(linked.filter);
    expect(new URL(page.url()).searchParams.get('columns')).toBe(linked.columns);
  });
});
