import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';

export interface ProcessOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** stdout beyond this many bytes is hashed and counted but not kept. */
  maxOutputBytes: number;
}

export interface ProcessResult {
  /** `missing`: the program is not on PATH. */
  outcome: 'exited' | 'missing' | 'timeout' | 'error';
  exitCode: number | null;
  /** The first `maxOutputBytes` of stdout. */
  stdout: Buffer;
  /** Every byte of stdout, kept or not. */
  stdoutBytes: number;
  stdoutSha256: string;
  stderr: string;
}

const MAX_STDERR_BYTES = 16 * 1024;

/**
 * Runs a program without a shell and never rejects: a capture probe that fails is a warning, not an error.
 * Unlike execFile's maxBuffer (which kills the child), output past the cap is still read to the end, so the
 * hash covers all of it: a change past the first megabyte of a diff still changes the code version.
 */
export function runProcess(
  file: string,
  args: readonly string[],
  options: ProcessOptions,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let stdoutBytes = 0;
    const hash = createHash('sha256');
    const stderr: Buffer[] = [];
    let stderrBytes = 0;
    let timedOut = false;
    let spawnError: NodeJS.ErrnoException | null = null;

    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      hash.update(chunk);
      if (keptBytes < options.maxOutputBytes) {
        const part = chunk.subarray(0, options.maxOutputBytes - keptBytes);
        kept.push(part);
        keptBytes += part.length;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrBytes < MAX_STDERR_BYTES) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
    });
    child.on('close', (exitCode: number | null) => {
      clearTimeout(timer);
      const failure = spawnError as NodeJS.ErrnoException | null;
      resolve({
        outcome: timedOut
          ? 'timeout'
          : failure === null
            ? 'exited'
            : failure.code === 'ENOENT'
              ? 'missing'
              : 'error',
        exitCode,
        stdout: Buffer.concat(kept),
        stdoutBytes,
        stdoutSha256: hash.digest('hex'),
        stderr: Buffer.concat(stderr).toString('utf8').slice(0, MAX_STDERR_BYTES),
      });
    });
  });
}

/** The trimmed stdout of a program that exited with status 0, else null. */
export async function outputOf(
  file: string,
  args: readonly string[],
  options: ProcessOptions,
): Promise<string | null> {
  const result = await runProcess(file, args, options);
  return result.outcome === 'exited' && result.exitCode === 0 ? result.stdout.toString('utf8').trim() : null;
}
