import { arch, availableParallelism, cpus, hostname, platform, release, totalmem } from 'node:os';
import { runProcess } from './run-process.js';

export interface Host {
  host: string;
  /** `linux-x64`, `darwin-arm64`, … */
  platform: string;
  osRelease: string;
  cpus: number;
  cpuModel: string | null;
  memoryBytes: number;
  /** GPU names from `nvidia-smi -L`; empty without NVIDIA GPUs or the tool. */
  gpus: string[];
}

/** ` (UUID: GPU-…)` after each name: unique per card, so it would make every machine's GPU look different. */
const GPU_LINE = /^GPU \d+: (.+?)(?: \(UUID: [^)]*\))?$/;

export async function describeHost(cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Host> {
  return {
    host: hostname(),
    platform: `${platform()}-${arch()}`,
    osRelease: release(),
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? null,
    memoryBytes: totalmem(),
    gpus: await listGpus(cwd, env, timeoutMs),
  };
}

async function listGpus(cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string[]> {
  const result = await runProcess('nvidia-smi', ['-L'], { cwd, env, timeoutMs, maxOutputBytes: 64 * 1024 });
  if (result.outcome !== 'exited' || result.exitCode !== 0) return [];
  return result.stdout
    .toString('utf8')
    .split('\n')
    .map((line) => GPU_LINE.exec(line.trim())?.[1])
    .filter((name): name is string => name !== undefined);
}
