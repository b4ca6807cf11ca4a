import { formatNumber } from '../core/format.js';
import type { ErrorAnalysis } from '../sdk/index.js';
import { accuracyText } from './accuracy-text.js';
import { jsonText } from './commands/predictions.js';
import { fields, table } from './output.js';

/** A wrong answer as error analysis lists it, whatever it came from (a served prediction, an example). */
export interface WrongRow {
  id: string;
  output: unknown;
  label: unknown;
  score: number | null;
  input: unknown;
}

type Breakdown = Pick<ErrorAnalysis, 'labelled' | 'confusion' | 'slices'>;

/** `model errors` and `runs errors` print the same: header fields, confusion, most confident wrong, slices. */
export function errorLines(
  header: [string, string][],
  e: Breakdown,
  wrong: { title: string; rows: readonly WrongRow[] },
): string[] {
  const { classes, counts } = e.confusion;
  return [
    ...fields([...header, ['labelled', String(e.labelled)]]),
    '',
    'confusion (rows: label, columns: output)',
    table(
      ['', ...classes],
      counts.map((row, i) => [classes[i]!, ...row]),
    ),
    '',
    'most confident wrong',
    wrong.rows.length === 0
      ? '  none'
      : table(
          [wrong.title, 'OUTPUT', 'LABEL', 'SCORE', 'INPUT'],
          wrong.rows.map((p) => [
            p.id,
            jsonText(p.output, 20),
            jsonText(p.label, 20),
            p.score === null ? '' : formatNumber(p.score, 3),
            jsonText(p.input),
          ]),
        ),
    '',
    'worst slices',
    e.slices.length === 0
      ? '  none with enough labels'
      : table(
          ['FEATURE', 'VALUE', 'LABELLED', 'ACCURACY'],
          e.slices.map((s) => [s.feature, s.value, s.labelled, accuracyText(s)]),
        ),
  ];
}
