import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Absolute paths, so the CLI also runs from directories outside the repository.
const CLI = [
  '--import',
  pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href,
  join(root, 'src/cli/main.ts'),
];

/** Starts a TypeScript script from source (through tsx) without waiting, with the test's env plus `env`. */
export function spawnScript(script: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [CLI[0]!, CLI[1]!, script], {
    cwd: root,
    env: { ...withoutRatchetTargets(process.env), ...env },
  });
}

export interface CliOptions {
  env?: Record<string, string>;
  /** The working directory (default: the repository). */
  cwd?: string;
}

/** Runs the `ratchet` CLI from source and waits for it. */
export function ratchet(args: string[], env: Record<string, string> = {}, { cwd = root }: CliOptions = {}) {
  const result = spawnSync(process.execPath, [...CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...withoutRatchetTargets(process.env), ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the `ratchet` CLI from source without waiting, e.g. to interrupt it. */
export function spawnRatchet(args: string[], { cwd = root, env = {} }: CliOptions = {}): ChildProcess {
  return spawn(process.execPath, [...CLI, ...args], {
    cwd,
    env: { ...withoutRatchetTargets(process.env), ...env },
  });
}

/** The CLI must find its target from its arguments and the test's env, not from the developer's shell. */
function withoutRatchetTargets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const {
    RATCHET_TRACKING_URI: _uri,
    RATCHET_STORE: _store,
    RATCHET_PROJECT: _project,
    RATCHET_TOKEN: _token,
    ...rest
  } = env;
  return rest;
}

/** Starts `ratchet server` (or `command`, e.g. `serve`) on a free port and resolves with its URL once it listens. */
export function startServerProcess(
  args: string[],
  { cwd = root, command = 'server' }: { cwd?: string; command?: string } = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...CLI, command, '--port', '0', ...args], {
    cwd,
    env: withoutRatchetTargets(process.env),
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, child });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

export interface ScratchServer {
  url: string;
  /** Its SQLite store, e.g. for `ratchet token create --store`. */
  store: string;
  stop(): Promise<void>;
}

/** `ratchet server` over a fresh SQLite store in a temporary directory; `stop()` ends it and deletes the store. */
export async function startScratchServer(): Promise<ScratchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-server-'));
  const { url, child } = await startServerProcess([
    '--store',
    join(dir, 'ratchet.db'),
    '--artifacts',
    join(dir, 'artifacts'),
  ]);
  return {
    url,
    store: join(dir, 'ratchet.db'),
    async stop() {
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sends `signal` (default SIGTERM, a graceful stop) unless the process has already exited; resolves once it has. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
