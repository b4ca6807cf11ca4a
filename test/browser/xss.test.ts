import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.js';
import { runsPath, settle, textOf, trialPath } from '../support/ui-pages.js';
import { XSS_PAYLOAD } from '../support/ui-seed-plan.js';
import { HOSTILE_MODEL, seedHostileModel } from '../support/ui-seed-predictions.js';

/**
 * Every text field of the seed carries XSS_PAYLOAD. The harness fails any test whose page set `window.__xss`;
 * here every page is visited and the payload must be shown as text, never turned into elements.
 */
describeInBrowser('stored XSS payloads', (ui) => {
  // Predictions whose inputs, outputs, labels and comments are payloads, for the model pages.
  beforeAll(() => seedHostileModel(ui.url), 60_000);

  const pages = () => {
    const { project, trials, runs } = ui.seed;
    const someRuns = runs.slice(0, 3).map((r) => r.id);
    return [
      { path: '/', shows: 'projects' },
      { path: `/projects/${project}`, shows: 'dashboard' },
      { path: runsPath(project, { columns: 'params.comment,tags.owner' }), shows: 'runs' },
      ...Object.values(trials).map((t) => ({
        path: trialPath(project, t.number),
        shows: `trial #${t.number}`,
      })),
      { path: `/compare?runs=${someRuns.join(',')}&all=1`, shows: 'compare' },
      { path: `/models/${HOSTILE_MODEL}/predictions?bucket=hour`, shows: 'predictions' },
      { path: `/models/${HOSTILE_MODEL}/errors`, shows: 'error analysis' },
    ];
  };

  it('renders every page without running a payload, showing it as text', async () => {
    for (const { path, shows } of pages()) {
      const page = await ui.open(path, { label: shows });
      await expect.poll(() => textOf(page.locator('body')), { message: shows }).toContain('<script>');
      // Give late renders (charts, queries) a moment to run a payload if they were going to.
      await settle(page);
      const injected = await page.evaluate(() => ({
        images: document.querySelectorAll('img[src="x"]').length,
        scripts: Array.from(document.scripts).filter((s) => s.textContent?.includes('__xss')).length,
        handlers: document.querySelectorAll('[onerror]').length,
      }));
      expect(injected, shows).toEqual({ images: 0, scripts: 0, handlers: 0 });
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), shows).toBeUndefined();
    }
    expect(XSS_PAYLOAD).toContain('window.__xss=1');
  });
});
