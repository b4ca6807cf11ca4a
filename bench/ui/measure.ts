import type { BrowserContext, Page } from 'playwright-core';
import { median } from '../support.js';

/**
 * Timings taken inside headless chromium, on the page's own clock (performance.now() counts from the start
 * of the navigation).
 */
type Marks = { __readyAt?: number; __longTasks?: number[] };

const READY_TIMEOUT_MS = 20_000;

/**
 * Milliseconds from the start of navigating to `url` until `selector` matches and the page responds: the next
 * animation frame has run and a task queued after it has run too (the main thread is free for input).
 * Resolves with the open page, for measurements that continue on it.
 */
export async function timeToReady(
  context: BrowserContext,
  url: string,
  selector: string,
): Promise<{ ms: number; page: Page }> {
  const page = await context.newPage();
  await page.addInitScript((wanted: string) => {
    const marks = window as Marks;
    let seen = false;
    const observer = new MutationObserver(() => {
      if (seen || document.querySelector(wanted) === null) return;
      seen = true;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          marks.__readyAt = performance.now();
        }),
      );
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  }, selector);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as Marks).__readyAt !== undefined, undefined, {
      timeout: READY_TIMEOUT_MS,
      polling: 20,
    });
  } catch (error) {
    await page.close();
    throw new Error(`${selector} never appeared at ${url} (${String(error).split('\n')[0]})`);
  }
  const ms = await page.evaluate(() => (window as Marks).__readyAt!);
  return { ms, page };
}

/** The longest main-thread task (PerformanceObserver 'longtask': only tasks over 50 ms count) during `action`. */
export async function longestTaskDuring(page: Page, action: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const marks = window as Marks;
    marks.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.__longTasks!.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await action();
  // Long-task entries are delivered after the task: let a frame and a task pass before reading them.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  return page.evaluate(() => Math.max(0, ...(window as Marks).__longTasks!));
}

/** Median of `repeats` measurements. */
export async function medianOf(repeats: number, measure: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < repeats; i++) values.push(await measure());
  return median(values);
}
