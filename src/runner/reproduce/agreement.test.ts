import { describe, expect, it } from 'vitest';
import type { Summary } from '../../sdk/index.js';
import { metricAgreements, tolerances } from './agreement.js';

const summary = (n: number, sd: number): Summary => ({
  n,
  mean: 0.8,
  sd,
  ci: [0.7, 0.9],
  iqm: 0.8,
  min: 0.7,
  max: 0.9,
});

describe('metricAgreements', () => {
  const toleranceOf = tolerances({ acc: summary(5, 0.01), loss: summary(1, 0.5) }, 1e-9);

  it('allows the spread between two seeds where the baseline has one, else the absolute tolerance', () => {
    expect(toleranceOf('acc')).toEqual({ value: 1.96 * Math.SQRT2 * 0.01, basis: 'noise_floor' });
    expect(toleranceOf('loss')).toEqual({ value: 1e-9, basis: 'absolute' });
    expect(toleranceOf('f1')).toEqual({ value: 1e-9, basis: 'absolute' });
  });

  it('says which metrics agree, and counts one the re-run did not log as disagreeing', () => {
    const rows = metricAgreements(
      { acc: 0.8, loss: 0.3, f1: Number.NaN, steps: 100 },
      { acc: 0.82, loss: 0.3000001, f1: Number.NaN },
      toleranceOf,
    );
    expect(rows.map((r) => [r.key, r.agrees])).toEqual([
      ['acc', true],
      ['f1', true],
      ['loss', false],
      ['steps', false],
    ]);
    expect(rows.find((r) => r.key === 'steps')).toMatchObject({ reproduced: null, delta: null });
    expect(metricAgreements({ acc: 0.8 }, { acc: 0.84 }, toleranceOf)[0]?.agrees).toBe(false);
  });
});
