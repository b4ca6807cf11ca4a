import { browserRequired, chromiumInstalled, missingChromiumNotice } from './chromium.js';

/** Says loudly, once per test run, when suites are skipped for want of a service — and fails in CI. */
export default function setup(): void {
  skipLoudlyOrFail({
    available: process.env.RATCHET_TEST_POSTGRES_URL !== undefined,
    required: process.env.RATCHET_REQUIRE_POSTGRES === '1',
    requiredError: 'RATCHET_REQUIRE_POSTGRES=1 but RATCHET_TEST_POSTGRES_URL is not set',
    skipNotice:
      'SKIPPING every PostgreSQL half of the storage suites: RATCHET_TEST_POSTGRES_URL is not set.\n' +
      'Only SQLite is tested here. .ci/run installs PostgreSQL and runs everything.',
  });
  skipLoudlyOrFail({
    available: chromiumInstalled,
    required: browserRequired,
    requiredError: `RATCHET_REQUIRE_BROWSER=1 but ${missingChromiumNotice}`,
    skipNotice: `SKIPPING every browser suite (test/browser): ${missingChromiumNotice}`,
  });
}

interface Service {
  available: boolean;
  required: boolean;
  requiredError: string;
  skipNotice: string;
}

function skipLoudlyOrFail({ available, required, requiredError, skipNotice }: Service): void {
  if (available) return;
  if (required) throw new Error(requiredError);
  const line = '!'.repeat(100);
  const body = skipNotice
    .split('\n')
    .map((text) => `!! ${text}`)
    .join('\n');
  console.warn(`\n${line}\n${body}\n${line}\n`);
}
