import type { BrowserContext, Page } from 'playwright-core';
import { longestTaskDuring, timeToReady } from './measure.js';
import type { UiBenchData } from './seed-store.js';

/**
 * What bench/ui measures in the browser, each a function of a fresh page so it can be repeated. Pages are
 * found by the UI's test ids (the contract in /work/notes/ui-testids.md).
 */
export interface Scenario {
  label: string;
  /** The bar, for the printed figure. */
  bar: string;
  /** A time from navigation, compared with the reference; otherwise the longest task during an action. */
  fromNavigation: boolean;
  measure(context: BrowserContext, base: string): Promise<number>;
}

const drawnChartIn = (wrapper: string) =>
  `[data-testid="${wrapper}"] [data-testid="chart"][data-ready="true"]`;

/** The reference: the UI's own start on a page that loads no data (its not-found page). */
export const uiBoot: Scenario = {
  label: 'reference: UI start on a page without data, ms',
  bar: '',
  fromNavigation: true,
  measure: (context, base) => timed(context, `${base}/no-such-page`, 'main *'),
};

export function scenarios(data: UiBenchData): Scenario[] {
  const runsUrl = (base: string) => `${base}/projects/${data.project}/runs?columns=params.lr,metrics.acc`;
  const compareUrl = (base: string) => `${base}/compare?runs=${data.curveRunIds.join(',')}&key=loss`;
  const longSeriesUrl = (base: string) =>
    `${base}/projects/${data.project}/trials/${data.longSeriesTrial}?key=loss`;
  const runs = data.curveRunIds.length;
  return [
    {
      label: 'project dashboard (every trial) drawn after navigation, ms',
      bar: 'none set',
      fromNavigation: true,
      measure: (context, base) =>
        timed(context, `${base}/projects/${data.project}`, drawnChartIn('progress-chart')),
    },
    {
      label: 'runs explorer interactive after navigation, ms',
      bar: '≤ 1,000',
      fromNavigation: true,
      measure: (context, base) => timed(context, runsUrl(base), '[data-testid="run-row"]'),
    },
    {
      label: `${runs}-run chart drawn after navigation, ms`,
      bar: '≤ 1,000',
      fromNavigation: true,
      measure: (context, base) => timed(context, compareUrl(base), drawnChartIn('compare-chart')),
    },
    {
      label: `longest task zooming ${runs} curves, ms`,
      bar: '≤ 50',
      fromNavigation: false,
      measure: async (context, base) => {
        const { page } = await timeToReady(context, compareUrl(base), drawnChartIn('compare-chart'));
        return onPage(page, () => longestTaskDuring(page, () => dragZoom(page, 'compare-chart')));
      },
    },
    {
      label: 'long series drawn after navigation, ms',
      bar: '≤ 300 beyond the UI start',
      fromNavigation: true,
      measure: (context, base) => timed(context, longSeriesUrl(base), drawnChartIn('curves-chart')),
    },
    {
      label: 'longest task opening and searching the column picker, ms',
      bar: '≤ 50',
      fromNavigation: false,
      measure: async (context, base) => {
        const { page } = await timeToReady(context, runsUrl(base), '[data-testid="run-row"]');
        return onPage(page, () => longestTaskDuring(page, () => searchColumns(page)));
      },
    },
  ];
}

async function timed(context: BrowserContext, url: string, selector: string): Promise<number> {
  const { ms, page } = await timeToReady(context, url, selector);
  await page.close();
  return ms;
}

async function onPage<T>(page: Page, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await page.close();
  }
}

/** Drags across the middle third of the chart's canvas (zoom), then waits for the re-bucketed redraw. */
async function dragZoom(page: Page, wrapper: string): Promise<void> {
  const canvas = page.locator(`[data-testid="${wrapper}"] [data-testid="chart"] canvas`).first();
  // With many runs, the tables above the chart push it below the fold: the mouse only reaches the viewport.
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (box === null) throw new Error(`no canvas in ${wrapper}`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + (box.width * 2) / 3, y, { steps: 10 });
  await page.mouse.up();
  await page.waitForURL(/[?&]from=/, { timeout: 10_000 }).catch(() => {
    throw new Error('dragging across the chart did not zoom (no from= in the URL)');
  });
  await page.locator(drawnChartIn(wrapper)).waitFor({ timeout: 10_000 });
}

/** Opens the column picker and types a search over the project's keys. */
async function searchColumns(page: Page): Promise<void> {
  await page.getByTestId('column-picker').click();
  const search = page.getByTestId('column-picker').locator('input:not([type="checkbox"])').first();
  await search.waitFor({ timeout: 10_000 });
  await search.pressSequentially('m12', { delay: 30 });
  await page.waitForTimeout(200);
}
