import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PendingBatch } from '../sdk/index.js';
import { diskSpool } from './disk-spool.js';
import { spoolStatus } from './spool-status.js';

/** A pid no process has any more: one that just exited. */
const endedPid = spawnSync(process.execPath, ['-e', '']).pid;
const HOST = hostname().replace(/[^A-Za-z0-9-]/g, '_');

function batch(id: string, steps: number[]): PendingBatch {
  return {
    batch_id: id,
    series: [{ key: 'loss', steps, timestamps: steps.map(() => 1), values: steps.map((s) => s / 10) }],
    params: {},
    tags: {},
  };
}

/** A spool directory an ended process left behind, holding `files` (name → content). */
function leftBehind(dir: string, files: Record<string, string>): string {
  const owner = join(dir, `${HOST}.${endedPid}.abc123`);
  mkdirSync(owner, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(owner, name), content);
  return owner;
}

const fileOf = (runId: string, b: PendingBatch) => JSON.stringify({ run_id: runId, batch: b });

describe('diskSpool', () => {
  it('keeps a batch in a file until it is removed, and leaves a live writer’s batches alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    const spool = diskSpool(dir);
    await spool.save('run-a', batch('b1', [0, 1]));
    await spool.save('run-a', batch('b2', [2]));
    expect((await spoolStatus(dir)).runs).toEqual([
      { run_id: 'run-a', owner: 'running', batches: 2, points: 3, params: 0, tags: 0, status: null },
    ]);
    expect(await diskSpool(dir).adoptLeftovers()).toEqual({ runs: [], bad: [] });
    await spool.remove('run-a', 'b1');
    expect((await spoolStatus(dir)).runs).toEqual([expect.objectContaining({ batches: 1, points: 1 })]);
  });

  it('hands over an ended writer’s batches in order, sets a truncated file aside, drops unfinished writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    const truncated = fileOf('run-a', batch('b2', [1])).slice(0, 25);
    leftBehind(dir, {
      '000000000000.json': fileOf('run-a', batch('b1', [0])),
      '000000000001.json': truncated,
      '000000000002.json': fileOf('run-b', batch('b3', [5])),
      '000000000003.json': fileOf('run-a', batch('b4', [2])),
      '000000000005.json': JSON.stringify({ run_id: 'run-b', status: 'FAILED' }),
      '000000000004.json.1a2b.tmp': '{"run_id":',
    });
    const spool = diskSpool(dir);
    const { runs, bad } = await spool.adoptLeftovers();
    expect(runs.map((r) => [r.runId, r.batches.map((b) => b.batch_id)])).toEqual([
      ['run-a', ['b1', 'b4']],
      ['run-b', ['b3']],
    ]);
    expect(runs.map((r) => r.status)).toEqual([undefined, 'FAILED']);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/\.bad$/);
    expect(readFileSync(bad[0]!, 'utf8')).toBe(truncated);
    expect((await spoolStatus(dir)).bad).toEqual(bad);

    for (const [runId, id] of [
      ['run-a', 'b1'],
      ['run-a', 'b4'],
      ['run-b', 'b3'],
    ] as const) {
      await spool.remove(runId, id);
    }
    expect(readdirSync(dir)).toHaveLength(2);
    await spool.removeStatus('run-b');
    expect(readdirSync(dir)).toEqual([bad[0]!.split('/').pop()]);
  });

  it('lets only one of two processes take over the same left-behind batches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    leftBehind(dir, { '000000000000.json': fileOf('run-a', batch('b1', [0])) });
    const [one, two] = await Promise.all([diskSpool(dir).adoptLeftovers(), diskSpool(dir).adoptLeftovers()]);
    expect([...one.runs, ...two.runs].map((r) => r.runId)).toEqual(['run-a']);
  });
});
