import { describe, expect, it } from 'vitest';
import { describeChange, diffConfigs, runConfig, trialConfig } from './change-set.js';
import { emptyConfig } from './trial.js';

describe('runConfig', () => {
  it('reads params and the reserved tags, leaving out seed params and other tags', () => {
    const config = runConfig({
      params: { lr: '0.1', seed: '3', random_state: '7', train_seed: '9' },
      tags: {
        'ratchet.features': 'bigrams, length,bigrams',
        'mlflow.source.git.commit': 'abc',
        'ratchet.data.train': 'sha256:1',
        'ratchet.env.node': '20.11',
        'ratchet.data.': 'ignored',
        'mlflow.user': 'me',
      },
    });
    expect(config).toEqual({
      params: { lr: '0.1' },
      features: ['bigrams', 'length'],
      codeVersion: 'abc',
      data: { train: 'sha256:1' },
      environment: { node: '20.11' },
    });
    expect(
      runConfig({ params: {}, tags: { 'ratchet.code_version': 'v2', 'mlflow.source.git.commit': 'abc' } })
        .codeVersion,
    ).toBe('v2');
  });
});

describe('trialConfig', () => {
  it('adds what all runs recorded alike to the declared config, and names what varies', () => {
    const declared = { ...emptyConfig(), params: { lr: '0.1' } };
    const runs = [
      { ...emptyConfig(), params: { lr: '0.1', batch: '32', workers: '4' }, environment: { host: 'a' } },
      { ...emptyConfig(), params: { lr: '0.1', batch: '32', workers: '8' }, environment: { host: 'b' } },
    ];
    const { config, varying } = trialConfig(declared, runs);
    expect(config.params).toEqual({ lr: '0.1', batch: '32' });
    expect(config.environment).toEqual({});
    expect(varying).toEqual(['environment host', 'workers']);
  });
});

describe('diffConfigs', () => {
  it('lists every difference, params first, with from/to null for added or removed entries', () => {
    const parent = {
      ...emptyConfig(),
      params: { lr: '0.1', depth: '3' },
      codeVersion: 'a',
      data: { train: 'x' },
    };
    const child = {
      ...emptyConfig(),
      params: { lr: '0.01', dropout: '0.5' },
      features: ['bigrams'],
      codeVersion: 'b',
      data: { train: 'x' },
    };
    const changes = diffConfigs(parent, child);
    expect(changes).toEqual([
      { kind: 'param', key: 'depth', from: '3', to: null },
      { kind: 'param', key: 'dropout', from: null, to: '0.5' },
      { kind: 'param', key: 'lr', from: '0.1', to: '0.01' },
      { kind: 'feature', key: 'bigrams', from: null, to: 'on' },
      { kind: 'code', key: 'version', from: 'a', to: 'b' },
    ]);
    expect(changes.map(describeChange)).toEqual([
      'depth: removed (was 3)',
      'dropout: 0.5 (new)',
      'lr: 0.1 → 0.01',
      'feature bigrams: added',
      'code version: a → b',
    ]);
    expect(diffConfigs(child, child)).toEqual([]);
  });
});
