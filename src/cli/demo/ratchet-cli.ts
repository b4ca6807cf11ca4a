import { spawn } from 'node:child_process';

/** Where the demo's commands run: the project folder (its ratchet.json) and the server they talk to. */
export interface CliTarget {
  cwd: string;
  uri: string;
}

/**
 * Runs this very `ratchet` program (same Node flags, same entry file) with `args`, as a user would type it
 * in the project folder, and answers its stdout. A non-zero exit rejects with the command and its last
 * stderr line, the one-line error every command prints.
 */
export function ratchet(target: CliTarget, args: readonly string[]): Promise<string> {
  const entry = process.argv[1];
  if (entry === undefined) return Promise.reject(new Error('cannot tell how this ratchet was started'));
  const { RATCHET_TRACKING_URI: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, [...nodeFlags(), entry, ...args, '--uri', target.uri], {
    cwd: target.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) return resolve(stdout);
      const lines = stderr.trim().split('\n');
      const why = lines.find((line) => line.startsWith('ratchet: ')) ?? lines[0] ?? '';
      reject(new Error(`\`ratchet ${args.join(' ')}\` failed (${signal ?? `exit ${code}`}): ${why}`));
    });
  });
}

/** `ratchet … --json`, parsed. */
export async function ratchetJson<T>(target: CliTarget, args: readonly string[]): Promise<T> {
  return JSON.parse(await ratchet(target, [...args, '--json'])) as T;
}

/**
 * This process's Node flags, with a preloaded module (`--import tsx` when run from source) resolved from here:
 * the children start in the project folder, where a bare name would not resolve.
 */
function nodeFlags(): string[] {
  const flags = [...process.execArgv];
  return flags.map((flag, i) => {
    const preload = flags[i - 1] === '--import' || flags[i - 1] === '--loader';
    return preload && !flag.startsWith('.') && !flag.startsWith('/') ? import.meta.resolve(flag) : flag;
  });
}
