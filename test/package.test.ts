import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ratchet } from '../src/sdk/index.js';
import {
  installIntoEmptyProject,
  type Packed,
  packInto,
  runCommand,
  SQLITE_GUARD_MESSAGE,
  sqliteGuard,
} from './support/packed-project.js';
import { startServerProcess } from './support/processes.js';

/**
 * The package as a user gets it: `npm pack` (which builds), installed into an empty project, then imported
 * and run from there by plain Node, never through this repository's tsconfig, vitest or node_modules.
 *
 * The install skips install scripts, so better-sqlite3's native build (80–120 s) does not run. That is
 * honest because everything started there runs under a guard that makes importing better-sqlite3 an error:
 * the SDK, the stats and the CLI against `--uri` must not load the embedded store at all.
 */
describe('the packed package, installed into an empty project', () => {
  let work: string;
  let app: string;
  let packed: Packed;
  let server: { url: string; child: ChildProcess };
  const project = `packaged-${Date.now()}`;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'ratchet-package-'));
    server = await startServerProcess(['--store', join(work, 'db'), '--artifacts', join(work, 'artifacts')]);
    await new Ratchet({ uri: server.url }).projects.create({ name: project });
    packed = await packInto(work);
    console.info(`ratchet tarball: ${packed.size} bytes, ${packed.files.length} files`);
    app = join(work, 'app');
    await installIntoEmptyProject(app, join(work, packed.filename));
  }, 600_000);

  afterAll(async () => {
    server?.child.kill();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const node = (args: string[]) => runCommand(process.execPath, ['--import', sqliteGuard(app), ...args], app);
  // --no: never fetch the unrelated `ratchet` package from the registry if the local bin were missing;
  // --: otherwise npx takes a later --help for itself.
  const npxRatchet = (args: string[]) =>
    runCommand('npx', ['--no', '--', 'ratchet', ...args], app, {
      NODE_OPTIONS: `--import=${sqliteGuard(app)}`,
    });

  it('holds the build and nothing else: no tests, no source maps, no sources', () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/sdk/index.d.ts']),
    );
    expect(paths).toEqual(expect.arrayContaining(['dist/sdk/index.js', 'dist/stats/index.js']));
    const notBuiltModules = paths.filter((path) => !/^dist\/.+\.(js|d\.ts)$/.test(path) && !isWebBuild(path));
    expect(notBuiltModules.sort()).toEqual(['README.md', 'package.json']);
    expect(paths.filter((path) => path.includes('.test.'))).toEqual([]);
  });

  it('ships the built web UI: its page and every file the page loads, nothing from a CDN', async () => {
    const paths = packed.files.map((file) => file.path);
    const page = await readFile(join(app, 'node_modules/ratchet/dist/web/index.html'), 'utf8');
    const loaded = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(loaded.filter((url) => url.startsWith('/assets/')).length).toBeGreaterThanOrEqual(2);
    for (const url of loaded.filter((url) => !url.startsWith('data:'))) {
      expect(url, 'the UI loads only its own files').toMatch(/^\/assets\//);
      expect(paths).toContain(`dist/web${url}`);
    }
    expect(paths.filter((path) => path.startsWith('dist/web/') && path.endsWith('.map'))).toEqual([]);
  });

  it('installs the `ratchet` command as an executable script', async () => {
    const target = await realpath(join(app, 'node_modules/.bin/ratchet'));
    expect(target).toBe(join(await realpath(app), 'node_modules/ratchet/dist/cli/main.js'));
    expect((await stat(target)).mode & 0o111).toBe(0o111);
    expect((await readFile(target, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('does not install onnxruntime-node (288 MB): an optional peer, for those who serve onnx models', async () => {
    const manifest = JSON.parse(await readFile(join(app, 'node_modules/ratchet/package.json'), 'utf8'));
    expect(manifest.peerDependenciesMeta['onnxruntime-node']).toEqual({ optional: true });
    await expect(stat(join(app, 'node_modules/onnxruntime-node'))).rejects.toThrow(/ENOENT/);
  });

  it('has a guard that really stops better-sqlite3 from loading', async () => {
    await writeFile(join(app, 'load-sqlite.mjs'), "await import('better-sqlite3');\n");
    const loaded = await node(['load-sqlite.mjs']);
    expect(loaded.code).not.toBe(0);
    expect(loaded.stderr).toContain(SQLITE_GUARD_MESSAGE);
  });

  it("imports 'ratchet/stats', 'ratchet/sdk' and 'ratchet' in plain Node and uses them", async () => {
    await writeFile(join(app, 'consumer.mjs'), CONSUMER);
    const consumer = await node(['consumer.mjs', server.url]);
    expect(consumer.code, consumer.stderr).toBe(0);
    const output = JSON.parse(consumer.stdout) as { sdkExports: string[] };
    expect(output.sdkExports).toEqual(expect.arrayContaining(['Ratchet', 'HTTPError', 'RunHandle']));
    expect(output).toEqual({
      verdict: 'improved',
      sdkExports: output.sdkExports,
      // 'ratchet' is the SDK plus what only Node can run: the disk spool.
      mainValuesAreTheSdks: true,
      mainOnlyExports: ['DiskSpool', 'diskSpool', 'spoolStatus'],
      projects: expect.arrayContaining([project]),
    });
  });

  it('runs `npx ratchet --help`', async () => {
    const help = await npxRatchet(['--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: ratchet');
  });

  it('runs `npx ratchet project list --uri <server>`', async () => {
    const list = await npxRatchet(['project', 'list', '--uri', server.url]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(project);
  });
});

/** The web UI's build: its page and hashed assets (scripts, styles, the chart worker). */
function isWebBuild(path: string): boolean {
  return path === 'dist/web/index.html' || /^dist\/web\/assets\/[\w.-]+\.(js|css)$/.test(path);
}

/** A user's script: the stats on two arms of runs, and the client (from the main entry) on the server. */
const CONSUMER = `import * as main from 'ratchet';
import * as sdk from 'ratchet/sdk';
import { compare } from 'ratchet/stats';

const baseline = [0.8, 0.81, 0.79, 0.8, 0.82];
const candidate = [0.9, 0.91, 0.89, 0.92, 0.9];
const { verdict } = compare(baseline, candidate, { direction: 'maximize' });
const projects = await new main.Ratchet({ uri: process.argv[2] }).projects.list();
console.log(JSON.stringify({
  verdict,
  sdkExports: Object.keys(sdk),
  mainValuesAreTheSdks: Object.keys(sdk).every((name) => main[name] === sdk[name]),
  mainOnlyExports: Object.keys(main).filter((name) => !(name in sdk)),
  projects: projects.map((project) => project.name),
}));
`;
