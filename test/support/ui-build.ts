import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The UI `ratchet server` serves is the build in dist/web. Tests and benches that drive it need that build to
 * exist and to be newer than its sources. No vitest import here: bench/ uses it too.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
export const BUILT_UI = join(root, 'dist/web/index.html');
/** What the UI bundle is made of: the web app and the modules of src/ it imports. */
const UI_SOURCES = ['web', 'src/sdk', 'src/contract', 'src/core'].map((dir) => join(root, dir));
const LOCK = join(root, 'dist/.web-build.lock');
const LOCK_STALE_MS = 5 * 60_000;

export function uiIsBuilt(): boolean {
  return existsSync(BUILT_UI);
}

export function uiBuildIsStale(): boolean {
  if (!uiIsBuilt()) return true;
  const built = statSync(BUILT_UI).mtimeMs;
  return UI_SOURCES.some((dir) => newestMtime(dir) > built);
}

/**
 * Builds the UI (vite only: the server runs from src/ in tests) when dist/web is missing or older than its
 * sources. Test files run in parallel workers: one builds under a lock directory, the others wait for it.
 */
export async function ensureUiBuilt(): Promise<void> {
  while (uiBuildIsStale()) {
    if (takeLock()) {
      try {
        if (uiBuildIsStale()) buildUi();
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function buildUi(): void {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    // vitest sets NODE_ENV=test, and vite then bundles React's development build (several times slower):
    // the browser suites and bench/ui must drive the build users get.
    { cwd: root, encoding: 'utf8', timeout: 240_000, env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) {
    throw new Error(
      `building the UI failed (vite build, code ${result.status}):\n${result.stderr}${result.stdout}`,
    );
  }
}

function takeLock(): boolean {
  mkdirSync(join(root, 'dist'), { recursive: true });
  if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS)
    rmSync(LOCK, { recursive: true });
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    return false;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
