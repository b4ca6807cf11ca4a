import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Runs every bench/*.bench.ts in turn (or only those whose name contains an argument):
 * `npm run bench`, `npm run bench -- ingest chart`. RATCHET_BENCH_SCALE shrinks the workloads.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

console.log(
  `# Ratchet benchmarks (${new Date().toISOString()}, node ${process.version}, scale ${process.env.RATCHET_BENCH_SCALE ?? 1})`,
);
for (const file of files) {
  const module = (await import(new URL(file, import.meta.url).href)) as { default: () => Promise<void> };
  await module.default();
}
