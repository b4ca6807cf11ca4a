import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Reading the UI through its test hooks (/work/notes/ui-testids.md, the contract the pages carry). Charts say
 * what they drew in data attributes: data-ready="true" once drawn, data-series and data-points.
 */
export interface ChartState {
  series: number;
  points: number;
}

/** The chart inside a wrapper (e.g. `curves-chart`), once drawn. */
export async function drawnChart(page: Page, wrapper: string): Promise<ChartState> {
  await page.getByTestId(wrapper).locator('[data-testid="chart"][data-ready="true"]').waitFor();
  return chartState(chartIn(page, wrapper));
}

export function chartIn(page: Page, wrapper: string): Locator {
  return page.getByTestId(wrapper).getByTestId('chart');
}

export async function chartState(chart: Locator): Promise<ChartState> {
  const [series, points] = await Promise.all([
    chart.getAttribute('data-series'),
    chart.getAttribute('data-points'),
  ]);
  return { series: Number(series), points: Number(points) };
}

/** The run ids of the runs explorer's rendered rows, sorted. */
export async function renderedRunIds(page: Page): Promise<string[]> {
  const ids = await page
    .getByTestId('run-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id') ?? ''));
  return ids.sort();
}

/** Waits until the rendered rows are exactly these runs (the table is virtualised: keep the sets small). */
export async function expectRows(page: Page, runIds: string[]): Promise<void> {
  await expect.poll(() => renderedRunIds(page), { timeout: 10_000 }).toEqual([...runIds].sort());
}

/** The `data-key`s of the diff rows shown, sorted. */
export async function diffKeys(page: Page): Promise<string[]> {
  const keys = await page
    .getByTestId('diff-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key') ?? ''));
  return keys.sort();
}

export function trialPath(project: string, trial: number, search = ''): string {
  return `/projects/${encodeURIComponent(project)}/trials/${trial}${search}`;
}

export function runsPath(project: string, search: Record<string, string> = {}): string {
  const query = new URLSearchParams(search).toString();
  return `/projects/${encodeURIComponent(project)}/runs${query === '' ? '' : `?${query}`}`;
}

/** The element's text ('' when it has none). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/** Two animation frames and a pause: time for late renders (queries, charts) to reach the DOM. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.waitForTimeout(250);
}

/** The numbers written in a text (e.g. "0.7508 ± 0.0034" → [0.7508, 0.0034]). */
export function numbersIn(text: string): number[] {
  return (text.match(/[-+−]?\d+(\.\d+)?(e[-+]?\d+)?/gi) ?? []).map((n) => Number(n.replace('−', '-')));
}

/** Whether the text shows `value` to at least three decimals, whatever its format. */
export function showsNumber(text: string, value: number): boolean {
  return numbersIn(text).some((n) => Math.abs(n - value) < 5e-4);
}

/** The text as the page shows it (layout line breaks between blocks), not the DOM's concatenated text. */
export function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point here
  return locator.evaluate((element) => (element as HTMLElement).innerText);
}
