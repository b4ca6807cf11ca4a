import { describe, expect, it } from 'vitest';
import { refuseUnrequestedChanges, triedParams } from './tried-params.js';

const declared = { lr: '0.1', dropout: '0' };
const baseline = { lr: '0.1', dropout: '0', legacy: 'x' };
const tried = (changes: Record<string, string>, allowMultiple = false) =>
  triedParams({ changes, allowMultiple }, declared, baseline, 'ratchet.json');

describe('triedParams', () => {
  it("is the baseline's params with the one change", () => {
    expect(tried({ lr: '0.01' })).toEqual({ lr: '0.01', dropout: '0', legacy: 'x' });
  });

  it('refuses an unknown param, an unchanged value and two changes', () => {
    expect(() => tried({ wd: '1' })).toThrow("Unknown param 'wd': ratchet.json declares dropout, lr.");
    expect(() => tried({ lr: '0.1' })).toThrow("lr=0.1 is the baseline's value already");
    expect(() => tried({ lr: '0.01', dropout: '0.5' })).toThrow(
      /^2 changes \(lr, dropout\).*--allow-multiple/,
    );
    expect(() => tried({})).toThrow(/Say what to change/);
  });

  it('takes several changes when allowed', () => {
    expect(tried({ lr: '0.01', dropout: '0.5' }, true)).toEqual({ lr: '0.01', dropout: '0.5', legacy: 'x' });
  });
});

describe('refuseUnrequestedChanges', () => {
  const lr = { kind: 'param' as const, key: 'lr', from: '0.1', to: '0.01' };
  const code = { kind: 'code' as const, key: 'version', from: 'abc', to: 'def' };

  it('lets the requested change through and names any other', () => {
    expect(() =>
      refuseUnrequestedChanges([lr], { changes: { lr: '0.01' }, allowMultiple: false }),
    ).not.toThrow();
    expect(() =>
      refuseUnrequestedChanges([lr, code], { changes: { lr: '0.01' }, allowMultiple: false }),
    ).toThrow('Besides lr, this trial would change what the baseline ran with: code version: abc → def.');
    expect(() =>
      refuseUnrequestedChanges([lr, code], { changes: { lr: '0.01' }, allowMultiple: true }),
    ).not.toThrow();
  });
});
