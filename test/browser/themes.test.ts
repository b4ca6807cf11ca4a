import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.js';
import { drawnChart } from '../support/ui-pages.js';

/** The theme follows the OS: the same dashboard in light and dark, screenshotted for a look in CI artifacts. */
describeInBrowser('light and dark themes', (ui) => {
  it('follows the colour scheme the OS prefers', async () => {
    const backgrounds: Record<string, string> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await ui.open(`/projects/${ui.seed.project}`, { colorScheme, label: colorScheme });
      await drawnChart(page, 'progress-chart');
      backgrounds[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    }
    expect(backgrounds.light).not.toBe(backgrounds.dark);
    expect(luminance(backgrounds.dark!)).toBeLessThan(luminance(backgrounds.light!));
  });
});

/** Relative brightness of a CSS rgb()/rgba() colour, 0..255. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
