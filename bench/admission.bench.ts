import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postJson, report, scale, scratchDir, startServer } from './support.js';

/**
 * Admission control under a flood: 250 batches of 16 MB each (1,000 points padded with JSON whitespace, so
 * the cost is the buffered body, not the insert) sent all at once to a server process, with the default caps
 * and with the caps lifted out of reach. Reports the server's peak RSS and how many were refused (429/503).
 */
const REQUESTS = Math.max(4, Math.round(250 * scale));
const BODY_BYTES = 15_900_000;
const UNLIMITED = ['--max-inflight-mb', '1000000', '--max-concurrent-heavy', '1000000'];

export default async function admissionBench(): Promise<void> {
  for (const [name, args] of [
    ['default caps', []],
    ['caps lifted', UNLIMITED],
  ] as const) {
    const dir = scratchDir('admission');
    const server = await startServer(join(dir, 'ratchet.db'), ['--durability', 'normal', ...args]);
    try {
      const { run } = (await postJson(`${server.url}/api/v1/runs`, { project: 'flood' })) as {
        run: { id: string };
      };
      const started = performance.now();
      const statuses = await Promise.all(
        Array.from({ length: REQUESTS }, async (_, i) => {
          const response = await fetch(`${server.url}/api/v1/runs/${run.id}/batch`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: paddedBatch(i),
          }).catch(() => undefined);
          await response?.arrayBuffer().catch(() => undefined);
          return response?.status ?? 0;
        }),
      );
      report(`admission: ${REQUESTS} parallel 16 MB batches, ${name}`, {
        'server peak RSS (MiB)': peakRssMib(server.child.pid!),
        accepted: statuses.filter((s) => s === 200).length,
        'refused 429 / 503': `${statuses.filter((s) => s === 429).length} / ${statuses.filter((s) => s === 503).length}`,
        'failed otherwise': statuses.filter((s) => s !== 200 && s !== 429 && s !== 503).length,
        'seconds until every answer': (performance.now() - started) / 1000,
      });
    } finally {
      await server.stop();
    }
  }
}

function paddedBatch(i: number): Uint8Array<ArrayBuffer> {
  const steps = Array.from({ length: 1000 }, (_, step) => step);
  const json = JSON.stringify({ series: [{ key: `k${i}`, steps, values: steps.map(Math.sqrt) }] });
  return new TextEncoder().encode(json.padEnd(BODY_BYTES, ' '));
}

function peakRssMib(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024);
}
