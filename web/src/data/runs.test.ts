import { describe, expect, it } from 'vitest';
import type { Run } from '../../../src/sdk/index.js';
import { keyValues, runRow } from './runs.js';

const run = (overrides: Partial<Run> = {}): Run => ({
  id: 'abc',
  project_id: '1',
  name: 'seed-1',
  user_id: '',
  status: 'FINISHED',
  start_time: 0,
  end_time: 90_000,
  lifecycle_stage: 'active',
  artifact_uri: '',
  notes: '',
  parent_run_id: null,
  trial_id: 't',
  seed: 1,
  params: { lr: '0.1', epochs: '30' },
  tags: { 'ratchet.env.node': '20.11.1', 'ratchet.code_version': 'abc123', other: 'x' },
  metrics: {},
  ...overrides,
});

describe("a trial's runs", () => {
  it('show their seed, duration, params and environment as text', () => {
    const row = runRow(run(), 0);
    expect(row.seed).toBe('1');
    expect(row.duration).toBe('2 min');
    expect(row.params).toBe('epochs=30, lr=0.1');
    expect(row.environment).toBe('code=abc123, node=20.11.1');
    expect(row.artifactsHref).toBe('/api/2.0/mlflow/artifacts/list?run_id=abc');
  });

  it('count a running run up to now', () => {
    expect(runRow(run({ status: 'RUNNING', end_time: null }), 30_000).duration).toBe('30 s');
    expect(runRow(run({ status: 'FAILED', end_time: null }), 30_000).duration).toBe('');
  });

  it('sort key=value pairs by key', () => {
    expect(keyValues({ b: '2', a: '1' })).toBe('a=1, b=2');
  });
});
