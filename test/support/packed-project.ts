import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Packed {
  filename: string;
  size: number;
  files: { path: string }[];
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm pack` of this repository into `dir`; npm runs `prepare`, so it is a fresh build. */
export async function packInto(dir: string): Promise<Packed> {
  const pack = await runCommand('npm', ['pack', '--json', '--pack-destination', dir], root);
  if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  return (JSON.parse(pack.stdout) as Packed[])[0]!;
}

/**
 * An empty ESM project at `dir` with `tarball` installed from the local npm cache. Install scripts are
 * skipped, so better-sqlite3 has no native binding: run code there with `sqliteGuard(dir)` to prove the
 * code never even imports it.
 */
export async function installIntoEmptyProject(dir: string, tarball: string): Promise<void> {
  await mkdir(dir);
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  const flags = ['--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'];
  const install = await runCommand('npm', ['install', tarball, ...flags], dir);
  if (install.code !== 0) throw new Error(`npm install failed: ${install.stderr}`);
  await writeFile(join(dir, 'forbid-better-sqlite3-hooks.mjs'), GUARD_HOOKS);
  await writeFile(sqliteGuard(dir), GUARD);
}

/** A module for `node --import` that makes every import of better-sqlite3 an error. */
export function sqliteGuard(dir: string): string {
  return join(dir, 'forbid-better-sqlite3.mjs');
}

export const SQLITE_GUARD_MESSAGE = 'better-sqlite3 must not be loaded here';

const GUARD_HOOKS = `export async function resolve(specifier, context, next) {
  if (specifier === 'better-sqlite3' || specifier.startsWith('better-sqlite3/')) {
    throw new Error(\`${SQLITE_GUARD_MESSAGE} (imported from \${context.parentURL})\`);
  }
  return next(specifier, context);
}
`;

const GUARD = `import { register } from 'node:module';
register('./forbid-better-sqlite3-hooks.mjs', import.meta.url);
`;

/**
 * Runs a command to completion. The npm variables of an npm process running these tests (its prefix, its
 * package) are left out, so a child npm works on its own directory, never on this repository.
 */
export function runCommand(
  command: string,
  args: string[],
  cwd: string,
  extraEnv: Record<string, string> = {},
): Promise<CommandResult> {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !/^npm_/i.test(key) || /^npm_config_(cache|registry)$/i.test(key),
  );
  const env = { ...Object.fromEntries(inherited), ...extraEnv };
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
