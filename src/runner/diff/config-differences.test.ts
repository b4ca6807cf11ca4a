import { describe, expect, it } from 'vitest';
import { emptyConfig, type TrialConfig } from '../../core/trial.js';
import { codeDifference, parseCodeVersion } from './code-version.js';
import { changesOfKind, configDifferences, isSameConfig } from './config-differences.js';

const config = (over: Partial<TrialConfig>): TrialConfig => ({ ...emptyConfig(), ...over });

describe('configDifferences', () => {
  it('keeps only the entries that differ, by kind, with the code apart', () => {
    const a = config({
      params: { lr: '0.1', batch: '32' },
      data: { train: 'sha256:1', test: 'sha256:9' },
      codeVersion: 'abc',
    });
    const b = config({
      params: { lr: '0.01', batch: '32' },
      data: { train: 'sha256:2', test: 'sha256:9' },
      codeVersion: 'def',
    });
    const d = configDifferences(a, b);
    expect(changesOfKind(d, 'param')).toEqual([{ kind: 'param', key: 'lr', from: '0.1', to: '0.01' }]);
    expect(changesOfKind(d, 'data')).toEqual([
      { kind: 'data', key: 'train', from: 'sha256:1', to: 'sha256:2' },
    ]);
    expect(d.code).toEqual({ from: 'abc', to: 'def', commitDiffers: true, uncommittedChangesDiffer: false });
    expect(isSameConfig(d)).toBe(false);
  });

  it('finds nothing between equal configurations', () => {
    const a = config({ params: { lr: '0.1' }, codeVersion: 'abc+dirty.1' });
    expect(isSameConfig(configDifferences(a, structuredClone(a)))).toBe(true);
  });
});

describe('code versions', () => {
  it('tells the commit from the hash of the uncommitted changes', () => {
    expect(parseCodeVersion('abc+dirty.123')).toEqual({ commit: 'abc', dirty: '123' });
    expect(parseCodeVersion('abc')).toEqual({ commit: 'abc', dirty: null });
  });

  it('says whether the commit, the uncommitted changes, or both differ', () => {
    expect(codeDifference('abc+dirty.1', 'abc+dirty.2')).toMatchObject({
      commitDiffers: false,
      uncommittedChangesDiffer: true,
    });
    expect(codeDifference('abc', 'abc+dirty.2')).toMatchObject({
      commitDiffers: false,
      uncommittedChangesDiffer: true,
    });
    expect(codeDifference(null, 'abc')).toMatchObject({
      commitDiffers: true,
      uncommittedChangesDiffer: false,
    });
    expect(codeDifference('abc', 'abc')).toBeNull();
  });
});
