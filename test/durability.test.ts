import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import { testDatabases } from './support/databases.js';
import { startServerProcess } from './support/processes.js';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`durability on ${database.name}`, () => {
    it('keeps every acknowledged batch when the server is killed with SIGKILL mid-ingest', async () => {
      const { store, location, dispose } = await database.open();
      await store.close();
      const artifacts = mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'));
      const { url, child } = await startServerProcess(['--store', location, '--artifacts', artifacts]);
      const created = await fetch(`${url}/api/v1/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ project: 'kill' }),
      });
      const runId = ((await created.json()) as { run: { id: string } }).run.id;

      const acknowledged: number[] = [];
      const send = async (batch: number) => {
        const metrics = Array.from({ length: 500 }, (_, i) => ({
          key: 'loss',
          value: i,
          step: batch * 500 + i,
        }));
        try {
          const res = await fetch(`${url}/api/v1/runs/${runId}/batch`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ batch_id: `b${batch}`, metrics }),
          });
          if (res.ok) acknowledged.push(batch);
        } catch {
          // the server died under this request: not acknowledged, so it may or may not be stored
        }
      };
      const senders = Array.from({ length: 4 }, async (_, lane) => {
        for (let batch = lane; batch < 4000; batch += 4) await send(batch);
      });
      while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      await Promise.all(senders);

      const reopened = await openStore(location);
      try {
        const steps = new Set((await reopened.metrics.history(runId, 'loss')).map((p) => p.step));
        expect(acknowledged.length).toBeGreaterThanOrEqual(40);
        for (const batch of acknowledged) {
          expect(steps.has(batch * 500)).toBe(true);
          expect(steps.has(batch * 500 + 499)).toBe(true);
        }
        // Batches are atomic: a stored batch is stored whole.
        expect(steps.size % 500).toBe(0);
      } finally {
        await reopened.close();
        await dispose();
      }
    });
  });
}
