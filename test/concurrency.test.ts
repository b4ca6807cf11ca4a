import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concurrentLoad } from './support/batch-writers.js';
import { testDatabases } from './support/databases.js';

/**
 * Many writers at once against a server process, reduced from the 64 writers × 60 s (the full
 * version, with its figures, is bench/concurrency.bench.ts): no error reaches any client (no SQLITE_BUSY,
 * no 5xx) and every acknowledged point is stored exactly once, with the value sent.
 */
const WRITERS = 16;
const SECONDS = 4;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`concurrent writers on ${database.name}`, () => {
    it(`${WRITERS} writers for ${SECONDS} s: no errors, nothing lost, nothing twice`, async () => {
      const { store, location, dispose } = await database.open();
      await store.close();
      try {
        const artifacts = mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'));
        const figures = await concurrentLoad(location, artifacts, { writers: WRITERS, seconds: SECONDS });
        expect(figures.errors).toEqual([]);
        expect(figures.tally.acknowledgedBatches).toBeGreaterThanOrEqual(WRITERS);
        expect(figures.tally).toMatchObject({ lostBatches: 0, duplicatedBatches: 0, corruptPoints: 0 });
      } finally {
        await dispose();
      }
    }, 60_000);
  });
}
