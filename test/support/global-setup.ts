/** Says loudly, once per test run, when suites are skipped for want of a service — and fails in CI. */
export default function setup(): void {
  if (process.env.RATCHET_TEST_POSTGRES_URL) return;
  if (process.env.RATCHET_REQUIRE_POSTGRES === '1') {
    throw new Error('RATCHET_REQUIRE_POSTGRES=1 but RATCHET_TEST_POSTGRES_URL is not set');
  }
  const line = '!'.repeat(100);
  console.warn(
    `\n${line}\n!! SKIPPING every PostgreSQL half of the storage suites: RATCHET_TEST_POSTGRES_URL is not set.\n` +
      `!! Only SQLite is tested here. .ci/run installs PostgreSQL and runs everything.\n${line}\n`,
  );
}
