import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { RunnerOutput } from '../src/runner/execute/output.js';
import { runPlans } from '../src/runner/execute/run-plans.js';
import type { RunPlan } from '../src/runner/plan.js';
import { Ratchet } from '../src/sdk/index.js';
import { report, scale, scratchDir, startServer } from './support.js';

/**
 * The runner against a `ratchet server` process (SQLite): what it adds to each run beyond starting the
 * command (create the run, env, channel, logs stored as artifacts, status), measured against spawning the
 * same trivial command bare in the same run; and 20 CPU-bound runs with --parallel 2 against one at a time.
 */
const TRIVIAL_RUNS = Math.max(5, Math.round(50 * scale));
const CPU_RUNS = Math.max(4, Math.round(20 * scale));
const CPU_MS = Math.max(100, Math.round(400 * scale));

const silent: RunnerOutput = { started() {}, line() {}, ended() {}, note() {} };

export default async function bench(): Promise<void> {
  const dir = scratchDir('runner');
  const server = await startServer(join(dir, 'ratchet.db'));
  try {
    const client = new Ratchet({ uri: server.url });
    const project = await client.projects.create({
      name: 'runner',
      primaryMetric: 'x',
      direction: 'maximize',
    });
    const ctx = { client, trackingUri: server.url, output: silent };
    const plans = (command: string[], count: number): RunPlan[] =>
      Array.from({ length: count }, (_, i) => ({
        projectId: project.id,
        seed: i,
        params: {},
        command,
        cwd: dir,
      }));
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };

    const trivial = ['node', '-e', 'console.log("done")'];
    await runPlans(ctx, plans(trivial, 2), { parallel: 1 }); // warm-up
    const bareMs = await timed(async () => {
      for (let i = 0; i < TRIVIAL_RUNS; i++) {
        const child = spawn(trivial[0]!, trivial.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.resume();
        await once(child, 'exit');
      }
    });
    const runnerMs = await timed(() => runPlans(ctx, plans(trivial, TRIVIAL_RUNS), { parallel: 1 }));

    const busy = [
      'node',
      '-e',
      `const end = Date.now() + ${CPU_MS}; let x = 0; while (Date.now() < end) x++;`,
    ];
    const sequentialMs = await timed(() => runPlans(ctx, plans(busy, CPU_RUNS), { parallel: 1 }));
    const parallelMs = await timed(() => runPlans(ctx, plans(busy, CPU_RUNS), { parallel: 2 }));

    report(`runner (${TRIVIAL_RUNS} trivial runs; ${CPU_RUNS} CPU-bound runs of ${CPU_MS} ms)`, {
      'bare spawn of `node -e` per run (ms)': bareMs / TRIVIAL_RUNS,
      'ratchet runner per run (ms)': runnerMs / TRIVIAL_RUNS,
      'runner overhead per run, spawn excluded (ms)': (runnerMs - bareMs) / TRIVIAL_RUNS,
      'CPU-bound, one at a time (s)': sequentialMs / 1000,
      'CPU-bound, --parallel 2 (s)': parallelMs / 1000,
      'parallel / sequential (≤ 0.6 on 2 cores)': parallelMs / sequentialMs,
    });
  } finally {
    await server.stop();
  }
}
