import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { CappedLog } from './capped-log.js';
import { CHANNEL_FD } from './child-env.js';

export interface ChildOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Aborting stops the child: SIGTERM to its process group, SIGKILL after `graceMs`. */
  signal?: AbortSignal;
  graceMs?: number;
  logs: { stdout: CappedLog; stderr: CappedLog };
  /** Each complete line the child wrote on stdout or stderr. */
  onLine(stream: 'stdout' | 'stderr', text: string): void;
  /** Each complete line on the channel's file descriptor. */
  onChannelLine(text: string): void;
}

export interface ChildExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Stopped because `signal` aborted. */
  stopped: boolean;
  /** The process could not be started at all (e.g. no such command). */
  spawnError?: string;
}

/** After the process exits, how long its pipes may stay open (held by a grandchild) before we stop reading. */
const PIPE_DRAIN_MS = 2_000;

/**
 * Runs one command as its own process group (so stopping it also stops what it started), reading its
 * stdout, stderr and the channel line by line until it exits.
 */
export function runChild(command: readonly string[], options: ChildOptions): Promise<ChildExit> {
  const [file, ...args] = command;
  return new Promise((resolve) => {
    const child = spawn(file!, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let stopped = false;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      signalGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), options.graceMs ?? 5_000);
    };
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop, { once: true });

    const pipes = [
      readLines(
        child.stdout!,
        (chunk) => options.logs.stdout.write(chunk),
        (l) => options.onLine('stdout', l),
      ),
      readLines(
        child.stderr!,
        (chunk) => options.logs.stderr.write(chunk),
        (l) => options.onLine('stderr', l),
      ),
      readLines(child.stdio[CHANNEL_FD] as NodeJS.ReadableStream, () => {}, options.onChannelLine),
    ];
    let exit: Omit<ChildExit, 'stopped'> | undefined;
    const finish = () => {
      options.signal?.removeEventListener('abort', stop);
      if (killTimer !== undefined) clearTimeout(killTimer);
      resolve({ ...exit!, stopped });
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      exit = { exitCode: null, signal: null, spawnError: spawnMessage(file!, error) };
      finish();
    });
    child.once('exit', (exitCode, signal) => {
      exit = { exitCode, signal };
      const drained = Promise.all(pipes.map((p) => p.done));
      const timeout = setTimeout(() => {
        for (const p of pipes) p.destroy();
      }, PIPE_DRAIN_MS);
      void drained.then(() => {
        clearTimeout(timeout);
        finish();
      });
    });
  });
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function spawnMessage(file: string, error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return `no such command: ${file}`;
  if (error.code === 'EACCES') return `not executable: ${file}`;
  return `could not start ${file}: ${error.message}`;
}

/** Splits a stream into lines (a last line without newline counts), handing raw chunks on as they come. */
function readLines(
  stream: NodeJS.ReadableStream,
  onChunk: (chunk: Buffer) => void,
  onLine: (line: string) => void,
): { done: Promise<void>; destroy(): void } {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  const emit = (text: string) => {
    const lines = (carry + text).split('\n');
    carry = lines.pop()!;
    for (const line of lines) onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  };
  const done = new Promise<void>((resolve) => {
    stream.on('data', (chunk: Buffer) => {
      onChunk(chunk);
      emit(decoder.write(chunk));
    });
    const end = () => {
      emit(decoder.end());
      if (carry !== '') onLine(carry);
      carry = '';
      resolve();
    };
    stream.once('end', end);
    stream.once('close', end);
    stream.once('error', end);
  });
  return { done, destroy: () => (stream as NodeJS.ReadableStream & { destroy(): void }).destroy() };
}
