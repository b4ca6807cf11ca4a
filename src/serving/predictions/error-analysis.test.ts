import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../core/prediction.js';
import { analyseErrors } from './error-analysis.js';
import type { LabelledRow } from './types.js';

const labelled = (n: number, input: JsonValue, right: boolean): LabelledRow => ({
  id: `p${n}`,
  input,
  output: 1,
  label: right ? 1 : 0,
  score: null,
});

describe('error analysis', () => {
  it('treats a feature with more than 20 distinct values as an identifier, not slices', () => {
    const rows = Array.from({ length: 210 }, (_, n) =>
      labelled(n, { user: `u${n % 21}`, plan: 'pro' }, n % 3 > 0),
    );
    const { slices } = analyseErrors(rows, 5);
    expect(slices.map((s) => s.feature)).toEqual(['plan']);
    expect(slices[0]).toMatchObject({ value: 'pro', labelled: 210, correct: 140 });
  });

  it('skips slices under five labelled predictions and ranks the rest worst first', () => {
    const rows = [
      ...Array.from({ length: 6 }, (_, n) => labelled(n, { tier: 'a' }, n < 5)),
      ...Array.from({ length: 6 }, (_, n) => labelled(10 + n, { tier: 'b' }, n < 1)),
      ...Array.from({ length: 4 }, (_, n) => labelled(20 + n, { tier: 'c' }, false)),
    ];
    expect(analyseErrors(rows, 0).slices.map((s) => s.value)).toEqual(['b', 'a']);
  });

  it('gives the confusion matrix rows by label and columns by output, and orders wrong ones without a score last', () => {
    const rows = [labelled(1, 0, false), { ...labelled(2, 0, false), score: 0.7 }, labelled(3, 0, true)];
    const analysis = analyseErrors(rows, 10);
    expect(analysis.confusion).toEqual({
      classes: ['0', '1'],
      counts: [
        [0, 2],
        [0, 1],
      ],
    });
    expect(analysis.confidentWrong.map((p) => p.id)).toEqual(['p2', 'p1']);
  });
});
