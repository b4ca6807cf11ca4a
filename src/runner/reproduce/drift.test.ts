import { describe, expect, it } from 'vitest';
import { describeDrift } from './describe-drift.js';
import { blocksReproduction, reproductionDrift } from './drift.js';

const original = {
  'ratchet.code_version': 'c0ffee+dirty.111',
  'ratchet.data.train': 'sha256:aa',
  'ratchet.env.node': '20.11.1',
  'ratchet.host': 'box-1',
};

describe('reproductionDrift', () => {
  it('finds nothing when code, data and environment are as they were (the machine does not count)', () => {
    const drift = reproductionDrift(original, {
      ...original,
      'ratchet.host': 'box-2',
      'ratchet.data.test': 'x',
    });
    expect(drift).toEqual({ code: null, data: [], environment: [] });
    expect(blocksReproduction(drift)).toBe(false);
  });

  it('refuses changed code or data, and only mentions the environment', () => {
    const drift = reproductionDrift(original, {
      'ratchet.code_version': 'c0ffee+dirty.222',
      'ratchet.env.node': '22.1.0',
    });
    expect(blocksReproduction(drift)).toBe(true);
    expect(describeDrift(drift)).toEqual({
      refusing: [
        'code: same commit c0ffee',
        'code: uncommitted changes differ',
        'data train: sha256:aa → (not given)',
      ],
      environment: ['environment node: 20.11.1 → 22.1.0'],
    });
    const envOnly = reproductionDrift(original, { ...original, 'ratchet.env.node': '22.1.0' });
    expect(blocksReproduction(envOnly)).toBe(false);
  });

  it('cannot check code the original did not record', () => {
    expect(reproductionDrift({}, { 'ratchet.code_version': 'abc' }).code).toBeNull();
  });
});
