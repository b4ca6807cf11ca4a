import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's `chromium` driven by playwright-core (no browser download; recipe in the stack notes). Shared by the
 * browser tests and bench/ui, so both run the same browser the same way. No vitest import here.
 */
export const CHROMIUM_PATH = process.env.RATCHET_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumInstalled = existsSync(CHROMIUM_PATH);

/** CI sets RATCHET_REQUIRE_BROWSER=1: a missing chromium then fails the browser suites instead of skipping them. */
export const browserRequired = process.env.RATCHET_REQUIRE_BROWSER === '1';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export const missingChromiumNotice =
  `chromium not found at ${CHROMIUM_PATH} (set RATCHET_CHROMIUM to another binary). ` +
  'Install Debian `chromium` (apt-get install chromium); .ci/run installs it and requires it.';
