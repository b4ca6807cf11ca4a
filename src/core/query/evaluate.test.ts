import { describe, expect, it } from 'vitest';
import { matches } from './evaluate.js';
import { parseFilter } from './parser.js';
import type { RunRecord, SearchRecord } from './record.js';
import { experimentFilterSchema, modelVersionFilterSchema } from './schema.js';

const run: RunRecord = {
  info: {
    run_id: 'r1',
    run_name: 'Baseline run',
    user_id: 'ada',
    status: 'FINISHED',
    start_time: 1000,
    end_time: 2000,
    artifact_uri: 'mlflow-artifacts:/0/r1/artifacts',
    lifecycle_stage: 'active',
  },
  metrics: {
    acc: 0.9,
    loss: Number.NaN,
    big: Number.POSITIVE_INFINITY,
    small: Number.NEGATIVE_INFINITY,
    'f1-score': 0.5,
  },
  params: { lr: '0.1', model: 'LogisticRegression', empty: '' },
  tags: { 'mlflow.runName': 'Baseline run', team: 'ML-Ops', 'a b': 'x' },
  datasets: [
    { name: 'train-set', digest: 'd1', context: 'training' },
    { name: 'eval-set', digest: 'd2' },
  ],
};

const running: RunRecord = { ...run, info: { ...run.info, run_id: 'r2', status: 'RUNNING', end_time: null } };

const check = (filter: string, record: SearchRecord = run) => matches(parseFilter(filter), record);

describe('matches', () => {
  it('the empty filter matches everything', () => {
    expect(matches(null, run)).toBe(true);
    expect(check('')).toBe(true);
  });

  it.each([
    ['metrics.acc = 0.9', true],
    ['metrics.acc != 0.9', false],
    ['metrics.acc != 1', true],
    ['metrics.acc > 0.8', true],
    ['metrics.acc >= 0.9', true],
    ['metrics.acc < 0.9', false],
    ['metrics.acc <= 0.9', true],
    ['metrics.`f1-score` = 0.5', true],
    ['metrics.big > 1e308', true],
    ['metrics.small < -1e308', true],
    ['metrics.big = 1.7976931348623157e308', false],
  ])('metric: %s → %s', (filter, expected) => {
    expect(check(filter)).toBe(expected);
  });

  it.each(['=', '!=', '<', '<=', '>', '>='])('a NaN metric fails %s for any number', (op) => {
    expect(check(`metrics.loss ${op} 0`)).toBe(false);
    expect(check(`metrics.loss ${op} 1e308`)).toBe(false);
  });

  it('a missing value never matches a comparison, not even a negated one', () => {
    for (const filter of [
      'metrics.nope != 1',
      "params.nope != 'x'",
      "tags.nope NOT LIKE 'x'",
      "tags.nope NOT ILIKE 'x'",
      "params.nope NOT IN ('x')",
      'end_time != 5',
    ]) {
      expect(check(filter, running)).toBe(false);
    }
  });

  it('IS NULL / IS NOT NULL test presence (a NaN metric is present)', () => {
    expect(check('metrics.loss IS NOT NULL')).toBe(true);
    expect(check('metrics.nope IS NULL')).toBe(true);
    expect(check('params.empty IS NOT NULL')).toBe(true);
    expect(check('tags.team IS NULL')).toBe(false);
    expect(check('end_time IS NULL', running)).toBe(true);
    expect(check('end_time IS NOT NULL')).toBe(true);
  });

  it('does not find keys on the object prototype', () => {
    expect(check('tags.constructor IS NULL AND params.toString IS NULL AND tags.__proto__ IS NULL')).toBe(
      true,
    );
    expect(check('metrics.valueOf != 1')).toBe(false);
  });

  it.each([
    ["params.lr = '0.1'", true],
    ["params.lr = '0.10'", false],
    ["params.lr != '0.10'", true],
    ["params.model LIKE 'Logistic%'", true],
    ["params.model LIKE 'logistic%'", false],
    ["params.model ILIKE 'logistic%'", true],
    ["params.model NOT LIKE 'logistic%'", true],
    ["params.model NOT ILIKE 'logistic%'", false],
    ["params.empty = ''", true],
    ["params.empty LIKE '%'", true],
    ["tags.team = 'ML-Ops'", true],
    ["tags.team = 'ml-ops'", false],
    ["tags.`a b` = 'x'", true],
    ["tags.`mlflow.runName` = 'Baseline run'", true],
    ["tags.mlflow.runName = 'Baseline run'", true],
    ["run_name = 'Baseline run'", true],
    ['"run name" ILIKE \'baseline%\'', true],
    ["status = 'FINISHED'", true],
    ["user_id != 'ada'", false],
    ["artifact_uri LIKE 'mlflow-artifacts:/0/%'", true],
    ['start_time = 1000', true],
    ['created > 999', true],
    ['end_time <= 2000', true],
  ])('string and attribute: %s → %s', (filter, expected) => {
    expect(check(filter)).toBe(expected);
  });

  it.each([
    ["run_id IN ('r1', 'r9')", true],
    ["run_id IN ('R1')", false],
    ["run_id NOT IN ('r9')", true],
    ["run_id NOT IN ('r1', 'r9')", false],
    ["params.lr IN ('0.1')", true],
    ["tags.team NOT IN ('x', 'y')", true],
  ])('IN: %s → %s', (filter, expected) => {
    expect(check(filter)).toBe(expected);
  });

  it.each([
    ["datasets.name = 'train-set'", true],
    ["datasets.name = 'other'", false],
    ["datasets.name != 'train-set'", true], // another dataset input differs
    ["datasets.digest IN ('d2', 'd3')", true],
    ["datasets.digest NOT IN ('d1', 'd2')", false],
    ["datasets.context = 'training'", true],
    ["datasets.context != 'training'", false], // the eval input has no context
    ["datasets.name LIKE '%-set'", true],
  ])('datasets (any input matches): %s → %s', (filter, expected) => {
    expect(check(filter)).toBe(expected);
    expect(check(filter, { ...run, datasets: [] })).toBe(false);
  });

  it('AND, OR and parentheses', () => {
    expect(check("metrics.acc > 0.95 OR params.lr = '0.1'")).toBe(true);
    expect(check("metrics.acc > 0.95 AND params.lr = '0.1'")).toBe(false);
    expect(check("metrics.acc > 0.95 AND params.lr = '0.2' OR status = 'FINISHED'")).toBe(true);
    expect(check("metrics.acc > 0.95 AND (params.lr = '0.2' OR status = 'FINISHED')")).toBe(false);
  });

  it('works on other records: experiments and model versions', () => {
    const experiment: SearchRecord = {
      info: { name: 'churn', creation_time: 5, last_update_time: 9, experiment_id: 1 },
      tags: { owner: 'ada' },
    };
    expect(
      matches(
        parseFilter("name LIKE 'ch%' AND creation_time < 6 AND tags.owner = 'ada'", experimentFilterSchema),
        experiment,
      ),
    ).toBe(true);
    const version: SearchRecord = {
      info: { name: 'm', version_number: 3, run_id: null, source_path: 's3://x' },
    };
    expect(
      matches(parseFilter('run_id IS NULL AND version_number > 2', modelVersionFilterSchema), version),
    ).toBe(true);
    expect(matches(parseFilter("run_id != 'x'", modelVersionFilterSchema), version)).toBe(false);
  });
});
