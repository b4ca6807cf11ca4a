import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, type TestContext } from 'vitest';
import { browserRequired, chromiumInstalled, launchChromium, missingChromiumNotice } from './chromium.js';
import { type ScratchServer, startScratchServer } from './processes.js';
import { ensureUiBuilt } from './ui-build.js';
import { seedUiProject, type UiSeed } from './ui-seed.js';

/**
 * Browser (end-to-end) suites: a real `ratchet server` (the UI built into dist/web) over a fresh store seeded
 * through the SDK, driven by headless Debian chromium. Every page a test opens is screenshotted into
 * test-artifacts/screenshots/ (or $RATCHET_SCREENSHOTS) after the test (passed or failed), and the test fails if the page threw, logged a
 * console error, or let a stored XSS payload run (`window.__xss` set).
 */
export const SCREENSHOTS =
  process.env.RATCHET_SCREENSHOTS ??
  join(fileURLToPath(new URL('../..', import.meta.url)), 'test-artifacts/screenshots');

/** Skipped (loudly, see global-setup) without chromium, unless CI requires it: then launching it fails. */
const runBrowserSuites = chromiumInstalled || browserRequired;

export interface OpenOptions {
  colorScheme?: 'light' | 'dark';
  /** Names the page's screenshot (default: its colour scheme and order within the test). */
  label?: string;
  /** Console errors this test provokes on purpose (e.g. the 400 a bad filter gets). */
  allowedConsoleErrors?: RegExp[];
}

export interface BrowserSuite {
  /** The server's base URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** The server's store (SQLite), for what only the store's owner does (e.g. `ratchet token create`). */
  readonly store: string;
  readonly seed: UiSeed;
  /** A page in a fresh browser context (1280×800), navigated to `path` on the server. */
  open(path: string, options?: OpenOptions): Promise<Page>;
}

interface OpenedPage {
  page: Page;
  context: BrowserContext;
  label: string;
  problems: string[];
  allowedConsoleErrors: RegExp[];
}

export function describeInBrowser(name: string, body: (suite: BrowserSuite) => void): void {
  describe.skipIf(!runBrowserSuites)(`${name} (in chromium)`, () => {
    let server: ScratchServer | undefined;
    let browser: Browser | undefined;
    let seed: UiSeed | undefined;
    let opened: OpenedPage[] = [];

    beforeAll(async () => {
      if (!chromiumInstalled) throw new Error(`RATCHET_REQUIRE_BROWSER=1 but ${missingChromiumNotice}`);
      await ensureUiBuilt();
      server = await startScratchServer();
      seed = await seedUiProject(server.url);
      browser = await launchChromium();
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    afterEach(async (context) => {
      const pages = opened;
      opened = [];
      const problems = await inspectAndClose(pages, context);
      expect(problems, 'the pages threw, logged errors or ran a stored payload').toEqual([]);
    });

    body({
      get url() {
        return server!.url;
      },
      get store() {
        return server!.store;
      },
      get seed() {
        return seed!;
      },
      async open(path, options = {}) {
        const colorScheme = options.colorScheme ?? 'light';
        const context = await browser!.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
        // Shorter than the test's timeout, so a missing element is reported by name rather than as a timeout.
        context.setDefaultTimeout(10_000);
        const page = await context.newPage();
        const entry: OpenedPage = {
          page,
          context,
          label: options.label ?? `${colorScheme}-${opened.length + 1}`,
          problems: [],
          allowedConsoleErrors: options.allowedConsoleErrors ?? [],
        };
        opened.push(entry);
        watchForProblems(entry);
        await page.goto(new URL(path, server!.url).href);
        return page;
      },
    });
  });
}

function watchForProblems({ page, problems, allowedConsoleErrors }: OpenedPage): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const where = message.location().url;
    if (!allowedConsoleErrors.some((allowed) => allowed.test(text))) {
      problems.push(`console error: ${text}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('crash', () => problems.push('page crashed'));
}

/** Screenshots every page, then lists what went wrong on them (errors, an executed payload) and closes them. */
async function inspectAndClose(pages: OpenedPage[], { task }: TestContext): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const failed = task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0;
  const problems: string[] = [];
  for (const entry of pages) {
    const file = slug(`${task.suite?.name ?? ''} ${task.name} ${entry.label}${failed ? ' FAILED' : ''}`);
    await entry.page
      .screenshot({ path: join(SCREENSHOTS, `${file}.png`), fullPage: true })
      .catch((error: unknown) => problems.push(`screenshot failed: ${String(error)}`));
    const executed = await entry.page
      .evaluate(() => (window as { __xss?: unknown }).__xss)
      .catch(() => undefined);
    if (executed !== undefined)
      problems.push(`a stored payload executed (window.__xss = ${String(executed)})`);
    problems.push(...entry.problems.map((p) => `[${entry.label}] ${p}`));
    await entry.context.close();
  }
  return problems;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 150);
}
