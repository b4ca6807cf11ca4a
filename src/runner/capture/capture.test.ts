import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Capture, captureContext } from './capture.js';
import type { CaptureLimits } from './capture-limits.js';
import { parseDataInput } from './data-input.js';

const root = mkdtempSync(join(tmpdir(), 'ratchet-capture-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
/** The user's own git config (signing, hooks, default branch) must not change what the tests see. */
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
let folders = 0;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    env: gitEnv,
    encoding: 'utf8',
  }).trim();
}

function freshFolder(): string {
  const dir = join(root, String(folders++));
  mkdirSync(dir);
  return dir;
}

/** A repository on branch main with one commit of train.py. */
function committedRepo(): string {
  const dir = freshFolder();
  git(dir, 'init', '-q', '--initial-branch=main');
  writeFileSync(join(dir, 'train.py'), 'print("lr", 0.1)\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  return dir;
}

function capture(cwd: string, options: { limits?: Partial<CaptureLimits>; env?: NodeJS.ProcessEnv } = {}) {
  return captureContext(
    { cwd, command: ['python', 'train.py'], data: [], env: options.env ?? gitEnv },
    options.limits,
  );
}

function artifact(result: Capture, name: string): string | undefined {
  return result.artifacts.find((a) => a.path === `ratchet/capture/${name}`)?.content;
}

describe('captureContext in a git repository', () => {
  it('records the commit and branch of a clean working copy, without a dirty suffix', async () => {
    const repo = committedRepo();
    const result = await capture(repo);
    const commit = git(repo, 'rev-parse', 'HEAD');
    expect(result.tags['mlflow.source.git.commit']).toBe(commit);
    expect(result.tags['ratchet.code_version']).toBe(commit);
    expect(result.tags['mlflow.source.git.branch']).toBe('main');
    expect(result.tags['ratchet.git.dirty']).toBe('false');
    expect(result.warnings).toEqual([]);
    expect(artifact(result, 'git.diff')).toBeUndefined();
    expect(artifact(result, 'untracked.json')).toBeUndefined();
    expect(JSON.parse(artifact(result, 'environment.json') ?? '{}').git.commit).toBe(commit);
  });

  it('captures staged and unstaged changes and untracked files, and the code version follows them', async () => {
    const repo = committedRepo();
    const commit = git(repo, 'rev-parse', 'HEAD');
    writeFileSync(join(repo, 'train.py'), 'print("lr", 0.2)\n');
    writeFileSync(join(repo, 'model.py'), 'LAYERS = 3\n');
    git(repo, 'add', 'model.py');
    writeFileSync(join(repo, 'notes.txt'), 'try a smaller lr\n');

    const dirty = await capture(repo);
    expect(dirty.tags['ratchet.git.dirty']).toBe('true');
    expect(dirty.tags['ratchet.code_version']).toMatch(new RegExp(`^${commit}\\+dirty\\.[0-9a-f]{12}$`));
    const diff = artifact(dirty, 'git.diff') ?? '';
    expect(diff).toContain('+print("lr", 0.2)');
    expect(diff).toContain('+LAYERS = 3');
    const untracked = JSON.parse(artifact(dirty, 'untracked.json') ?? '{}');
    expect(untracked.files).toEqual([
      { path: 'notes.txt', size: 17, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(untracked.truncated).toBe(false);

    expect((await capture(repo)).tags['ratchet.code_version']).toBe(dirty.tags['ratchet.code_version']);
    writeFileSync(join(repo, 'train.py'), 'print("lr", 0.3)\n');
    const otherDiff = await capture(repo);
    expect(otherDiff.tags['ratchet.code_version']).not.toBe(dirty.tags['ratchet.code_version']);
    writeFileSync(join(repo, 'notes.txt'), 'try a larger lr\n');
    const otherUntracked = await capture(repo);
    expect(otherUntracked.tags['ratchet.code_version']).not.toBe(otherDiff.tags['ratchet.code_version']);
  });

  it('keeps a binary change applicable', async () => {
    const repo = committedRepo();
    writeFileSync(join(repo, 'weights.bin'), Buffer.from([0, 1, 2, 255, 0]));
    git(repo, 'add', 'weights.bin');
    expect(artifact(await capture(repo), 'git.diff')).toContain('GIT binary patch');
  });

  it('leaves Ratchet’s own stores out of the untracked files', async () => {
    const repo = committedRepo();
    mkdirSync(join(repo, '.ratchet'));
    writeFileSync(join(repo, '.ratchet', 'ratchet.db'), 'changes with every run');
    const result = await capture(repo);
    expect(result.tags['ratchet.git.dirty']).toBe('false');
  });

  it('strips credentials from the remote URL', async () => {
    const repo = committedRepo();
    git(repo, 'remote', 'add', 'origin', 'https://someone:ghp_s3cret@github.com/team/model.git');
    const result = await capture(repo);
    expect(result.tags['mlflow.source.git.repoURL']).toBe('https://github.com/team/model.git');
    expect(JSON.stringify(result)).not.toContain('ghp_s3cret');
  });

  it('flags a diff over the cap, keeps whole lines, and still hashes what it did not keep', async () => {
    const repo = committedRepo();
    const lines = (last: string) =>
      `${Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n')}\n${last}\n`;
    writeFileSync(join(repo, 'train.py'), lines('end A'));
    const limits = { maxDiffBytes: 200 };
    const first = await capture(repo, { limits });
    expect(first.tags['ratchet.git.diff_truncated']).toBe('true');
    expect(first.warnings.join('\n')).toContain('only the first 200');
    const kept = artifact(first, 'git.diff') ?? '';
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(200);
    expect(kept.endsWith('\n')).toBe(true);

    expect(kept).not.toContain('end A');

    writeFileSync(join(repo, 'train.py'), lines('end B'));
    const second = await capture(repo, { limits });
    expect(second.tags['ratchet.code_version']).not.toBe(first.tags['ratchet.code_version']);
  });

  it('lists at most the capped number of untracked files, and flags the rest', async () => {
    const repo = committedRepo();
    for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(join(repo, name), name);
    const result = await capture(repo, { limits: { maxUntrackedEntries: 2, maxUntrackedHashBytes: 4 } });
    expect(result.tags['ratchet.git.untracked_truncated']).toBe('true');
    const manifest = JSON.parse(artifact(result, 'untracked.json') ?? '{}');
    // Over the hashing cap (5 bytes > 4): listed with the size only.
    expect(manifest.files).toEqual([
      { path: 'a.txt', size: 5 },
      { path: 'b.txt', size: 5 },
    ]);
    expect(result.warnings.join('\n')).toContain('more than 2 untracked files');
  });

  it('hashes the lock files of the folder and of the repository root', async () => {
    const repo = committedRepo();
    writeFileSync(join(repo, 'requirements-dev.txt'), 'pytest\n');
    mkdirSync(join(repo, 'web'));
    writeFileSync(join(repo, 'web', 'package-lock.json'), '{}\n');
    writeFileSync(join(repo, 'web', 'package.json'), '{}\n');
    const result = await capture(join(repo, 'web'));
    const locks = Object.entries(result.tags).filter(([key]) => key.startsWith('ratchet.env.lock.'));
    expect(Object.fromEntries(locks)).toEqual({
      'ratchet.env.lock.requirements-dev.txt': expect.stringMatching(/^sha256:[0-9a-f]{12}$/),
      'ratchet.env.lock.web/package-lock.json': expect.stringMatching(/^sha256:[0-9a-f]{12}$/),
    });
  });
});

describe('captureContext outside a git repository', () => {
  it('warns, records no code version, and captures the rest', async () => {
    const dir = freshFolder();
    const result = await capture(dir, { env: { ...gitEnv, GIT_CEILING_DIRECTORIES: root } });
    expect(result.warnings).toEqual([`${dir} is not in a git repository: the code version is not recorded`]);
    expect(result.tags['ratchet.code_version']).toBeUndefined();
    expect(result.tags['mlflow.source.git.commit']).toBeUndefined();
    expect(result.tags['ratchet.env.node']).toBe(process.versions.node);
    expect(result.tags['ratchet.cwd']).toBe(dir);
  });

  it('warns when git is not on PATH', async () => {
    const result = await capture(freshFolder(), { env: { PATH: join(root, 'nowhere') } });
    expect(result.warnings).toEqual(['git is not on PATH: the code version is not recorded']);
    expect(result.tags['ratchet.env.python']).toBeUndefined();
  });
});

describe('captureContext records', () => {
  it('the Python version from `python` when there is no `python3`', async () => {
    const bin = freshFolder();
    writeFileSync(join(bin, 'python'), '#!/bin/sh\necho "Python 3.99.1"\n');
    chmodSync(join(bin, 'python'), 0o755);
    const result = await capture(freshFolder(), { env: { PATH: bin } });
    expect(result.tags['ratchet.env.python']).toBe('3.99.1');
  });

  it('the command line, shell-quoted, and MLflow’s source tags', async () => {
    const result = await captureContext({
      cwd: freshFolder(),
      command: ['python', 'train.py', '--note', "it's fine"],
      data: [],
      env: gitEnv,
    });
    expect(result.tags['ratchet.command']).toBe(`python train.py --note 'it'\\''s fine'`);
    expect(result.tags['mlflow.source.name']).toBe(result.tags['ratchet.command']);
    expect(result.tags['mlflow.source.type']).toBe('LOCAL');
    expect(Number(result.tags['ratchet.cpus'])).toBeGreaterThan(0);
    expect(result.tags['ratchet.platform']).toBe(`${process.platform}-${process.arch}`);
  });

  it('a fingerprint per data input, under its name', async () => {
    const dir = freshFolder();
    writeFileSync(join(dir, 'train.csv'), 'x\n1\n');
    mkdirSync(join(dir, 'images'));
    writeFileSync(join(dir, 'images', 'a.png'), 'png');
    const data = [parseDataInput('train=train.csv', dir), parseDataInput('images', dir)];
    const result = await captureContext({ cwd: dir, command: ['true'], data, env: gitEnv });
    expect(result.tags['ratchet.data.train']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.tags['ratchet.data.images']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.tags['ratchet.data.train']).not.toBe(result.tags['ratchet.data.images']);
  });

  it('only allow-listed environment variables, never secrets', async () => {
    const env = {
      PATH: process.env.PATH,
      OMP_NUM_THREADS: '4',
      CUDA_VISIBLE_DEVICES: '0,1',
      AWS_SECRET_ACCESS_KEY: 'aws-secret-value',
      GITHUB_TOKEN: 'github-token-value',
      RATCHET_API_TOKEN: 'ratchet-token-value',
    };
    const result = await capture(freshFolder(), { env });
    const vars = Object.keys(result.tags).filter((key) => key.startsWith('ratchet.env.var.'));
    expect(vars.sort()).toEqual(['ratchet.env.var.CUDA_VISIBLE_DEVICES', 'ratchet.env.var.OMP_NUM_THREADS']);
    const everything = JSON.stringify(result);
    for (const secret of ['aws-secret-value', 'github-token-value', 'ratchet-token-value']) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toContain('AWS_SECRET_ACCESS_KEY');
  });
});
