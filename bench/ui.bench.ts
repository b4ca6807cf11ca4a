import { join } from 'node:path';
import {
  browserRequired,
  chromiumInstalled,
  launchChromium,
  missingChromiumNotice,
} from '../test/support/chromium.js';
import { uiBuildIsStale, uiIsBuilt } from '../test/support/ui-build.js';
import { fmt, report, scale, scratchDir, startServer } from './support.js';
import { medianOf } from './ui/measure.js';
import { type Scenario, scenarios, uiBoot } from './ui/scenarios.js';
import { seedUiBenchStore, uiBenchSizes } from './ui/seed-store.js';

/**
 * The web UI in headless chromium over a large project (at scale 1: 10,000 trials / 50,000 runs, 100 runs ×
 * 10,000 steps, a 1,000,000-step series, 10,000 param/metric keys), median of 5 per figure. The reference,
 * measured in the same run, is the UI's own start on a page that loads no data.
 */
const REPEATS = 5;

export default async function bench(): Promise<void> {
  if (!chromiumInstalled) {
    if (browserRequired) throw new Error(`bench/ui: RATCHET_REQUIRE_BROWSER=1 but ${missingChromiumNotice}`);
    console.warn(`\n## web UI\n  !! SKIPPED: ${missingChromiumNotice}`);
    return;
  }
  if (!uiIsBuilt())
    throw new Error('bench/ui drives the built UI, but dist/web is missing: run `npm run build`');
  if (uiBuildIsStale())
    console.warn('  !! bench/ui: dist/web is older than web/ or src/: run `npm run build`');

  const sizes = uiBenchSizes(scale);
  const store = join(scratchDir('ui'), 'ratchet.db');
  const seedStart = performance.now();
  const data = await seedUiBenchStore(store, sizes);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const server = await startServer(store);
  const browser = await launchChromium();
  const figures: Record<string, string | number> = {};
  const failures: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const measure = (scenario: Scenario) => medianOf(REPEATS, () => scenario.measure(context, server.url));
    const reference = await measure(uiBoot).catch((error: unknown) => {
      throw new Error(`bench/ui: the UI does not start on its server: ${firstLine(error)}`);
    });
    figures[uiBoot.label] = reference;
    for (const scenario of scenarios(data)) {
      const label = `${scenario.label} (bar ${scenario.bar})`;
      try {
        const ms = await measure(scenario);
        figures[label] = figure(scenario, ms, reference);
      } catch (error) {
        failures.push(scenario.label);
        figures[label] = `FAILED: ${firstLine(error)}`;
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  report(
    `web UI in chromium: ${sizes.trials.toLocaleString('en-US')} trials / ${(sizes.trials * sizes.seedsPerTrial).toLocaleString('en-US')} runs, ` +
      `${sizes.curveRuns} × ${sizes.curveSteps.toLocaleString('en-US')} steps, a ${sizes.longSeriesSteps.toLocaleString('en-US')}-step series, ` +
      `${sizes.keys.toLocaleString('en-US')} keys (seeded in ${seedSeconds.toFixed(1)} s), median of ${REPEATS}`,
    figures,
  );
  if (failures.length > 0) throw new Error(`bench/ui: could not measure ${failures.join('; ')}`);
}

/** A time from navigation with its ratio to the reference; a longest task as it is (only tasks > 50 ms count). */
function figure(scenario: Scenario, ms: number, reference: number): string {
  if (scenario.fromNavigation) {
    return `${fmt(ms)}   (${fmt(ms / reference)} × the reference, ${fmt(ms - reference)} beyond it)`;
  }
  return ms === 0 ? 'none over 50 ms' : fmt(ms);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
