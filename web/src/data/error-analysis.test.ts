import { describe, expect, it } from 'vitest';
import { className, confusionView, errorsViewSearch, parseErrorsView, sliceRows } from './error-analysis.js';

describe('error analysis', () => {
  it('keeps the version in the URL, every version by default', () => {
    expect(parseErrorsView(new URLSearchParams('version=3'))).toEqual({ version: 3 });
    expect(parseErrorsView(new URLSearchParams('version=production'))).toEqual({ version: null });
    expect(parseErrorsView(new URLSearchParams('version=0'))).toEqual({ version: null });
    expect(errorsViewSearch({ version: null })).toEqual({ version: undefined });
    expect(errorsViewSearch({ version: 2 })).toEqual({ version: '2' });
  });

  it('lays the confusion matrix out truth by row, marking the mistakes off the diagonal', () => {
    const view = confusionView({
      classes: ['"Adelie"', '"Gentoo"'],
      counts: [
        [3, 1],
        [7, 2],
      ],
    });
    expect(view.classes).toEqual(['Adelie', 'Gentoo']);
    expect(view.rows[1]).toEqual({
      truth: 'Gentoo',
      cells: [
        { count: 7, wrong: true },
        { count: 2, wrong: false },
      ],
      total: 9,
    });
  });

  it('names classes by their value, not their JSON quoting', () => {
    expect(className('"cat"')).toBe('cat');
    expect(className('3')).toBe('3');
    expect(className('{"a":1}')).toBe('{"a":1}');
    expect(className('not json')).toBe('not json');
  });

  it('turns slices into text (a bound a rounding error off 0 read as 0) and a 0–1 bar, keeping the server’s worst-first order', () => {
    const rows = sliceRows([
      { feature: 'bill', value: '[45, 50)', labelled: 5, correct: 0, accuracy: 0, ci: [2.8e-17, 0.52] },
      { feature: 'island', value: 'Biscoe', labelled: 20, correct: 5, accuracy: 0.25, ci: [0.1, 0.5] },
    ]);
    expect(rows.map((r) => r.value)).toEqual(['[45, 50)', 'Biscoe']);
    expect(rows[0]).toMatchObject({ accuracy: '0, 95% CI [0, 0.52]', counts: '0 of 5 labels right' });
    expect(rows[1]!.bar).toMatchObject({ left: 10, width: 40, estimate: 25 });
  });
});
