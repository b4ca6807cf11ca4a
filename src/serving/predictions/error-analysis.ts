import { canonicalJson, sameJson } from '../../core/json-value.js';
import type { JsonValue } from '../../core/prediction.js';
import { accuracyOf } from './accuracy.js';
import type { ErrorBreakdown, LabelledRow, Slice } from './types.js';

/** Fewer labelled predictions than this say too little about a slice to rank it. */
export const MIN_SLICE_SIZE = 5;
/** A feature with more distinct values than this is an identifier, not a category. */
export const MAX_CATEGORIES = 20;
/** Beyond this many classes (a regression's outputs) a confusion matrix says nothing; it is left empty. */
export const MAX_CONFUSION_CLASSES = 100;
export const MAX_SLICES = 50;
/** How many of the most confident wrong rows are shown unless asked otherwise. */
export const DEFAULT_TOP_WRONG = 10;

interface Judged {
  row: LabelledRow;
  correct: boolean;
}

/**
 * Where a model is wrong, from rows that carry the right answer: served predictions with their feedback, or
 * an evaluation run's per-example predictions. The most confident wrong rows are returned as given.
 */
export function analyseErrors<Row extends LabelledRow>(
  rows: readonly Row[],
  top: number,
): ErrorBreakdown<Row> {
  const judged = rows.map((row) => ({ row, correct: sameJson(row.label, row.output) }));
  return {
    labelled: judged.length,
    confusion: confusionMatrix(judged),
    confidentWrong: rows
      .filter((_row, i) => !judged[i]!.correct)
      .sort((a, b) => (b.score ?? Number.NEGATIVE_INFINITY) - (a.score ?? Number.NEGATIVE_INFINITY))
      .slice(0, top),
    slices: slices(judged),
  };
}

function confusionMatrix(judged: readonly Judged[]): ErrorBreakdown<LabelledRow>['confusion'] {
  const pairs = judged.map((j) => [canonicalJson(j.row.label), canonicalJson(j.row.output)]);
  const classes = [...new Set(pairs.flat())].sort();
  if (classes.length > MAX_CONFUSION_CLASSES) return { classes: [], counts: [] };
  const index = new Map(classes.map((name, i) => [name, i]));
  const counts = classes.map(() => classes.map(() => 0));
  for (const [label, output] of pairs) counts[index.get(label!)!]![index.get(output!)!]! += 1;
  return { classes, counts };
}

/** Every scalar leaf of an input, by dotted path (arrays are not features). */
function features(input: JsonValue, prefix = ''): [string, string | number | boolean][] {
  if (input === null || Array.isArray(input)) return [];
  if (typeof input !== 'object') return prefix === '' ? [['input', input]] : [[prefix, input]];
  return Object.entries(input).flatMap(([key, value]) =>
    features(value, prefix === '' ? key : `${prefix}.${key}`),
  );
}

function slices(judged: readonly Judged[]): Slice[] {
  const byFeature = new Map<string, { value: string | number | boolean; correct: boolean }[]>();
  for (const { row, correct } of judged) {
    for (const [feature, value] of features(row.input)) {
      const list = byFeature.get(feature) ?? [];
      list.push({ value, correct });
      byFeature.set(feature, list);
    }
  }
  const found: Slice[] = [];
  for (const [feature, values] of byFeature) {
    const groups = values.every((v) => typeof v.value === 'number')
      ? quartileGroups(values as { value: number; correct: boolean }[])
      : categoryGroups(values);
    for (const [value, members] of groups) {
      if (members.length < MIN_SLICE_SIZE) continue;
      const correct = members.filter((m) => m.correct).length;
      found.push({ feature, value, ...accuracyOf(members.length, correct) });
    }
  }
  return found
    .sort((a, b) => a.accuracy - b.accuracy || b.labelled - a.labelled || compare(a.feature, b.feature))
    .slice(0, MAX_SLICES);
}

type Member = { correct: boolean };

function categoryGroups(values: readonly { value: string | number | boolean; correct: boolean }[]) {
  const groups = new Map<string, Member[]>();
  for (const { value, correct } of values) {
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    const members = groups.get(key);
    if (members) members.push({ correct });
    else if (groups.size === MAX_CATEGORIES) return new Map<string, Member[]>();
    else groups.set(key, [{ correct }]);
  }
  return groups;
}

/** Numbers in bins cut at their quartiles: [min, q1), [q1, median), [median, q3), [q3, max]. */
function quartileGroups(values: readonly { value: number; correct: boolean }[]) {
  const sorted = values.map((v) => v.value).sort((a, b) => a - b);
  const quantile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const cuts = [...new Set([quantile(0.25), quantile(0.5), quantile(0.75)])].filter((c) => c > min);
  const edges = [min, ...cuts];
  const names = edges.map((low, i) =>
    i === edges.length - 1 ? `[${low}, ${max}]` : `[${low}, ${edges[i + 1]})`,
  );
  const groups = new Map<string, Member[]>(names.map((name) => [name, []]));
  for (const { value, correct } of values) {
    const bin = edges.filter((edge) => edge <= value).length - 1;
    groups.get(names[bin]!)!.push({ correct });
  }
  return groups;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
