import type { ExampleResults } from '../../core/example-results.js';
import { sharedExamples } from './per-example.js';

interface Row {
  runId: string | null;
  value: number;
}

export interface ExampleTables {
  /** Both arms as runs × examples, on the examples every run scored, in the same column order. */
  baseline: number[][];
  candidate: number[][];
  examples: number;
  /** Every run has per-example results that average to its value of the metric, on 2 or more shared examples. */
  usable: boolean;
  /** Why per-example results that exist could not be used. */
  mismatch: string | null;
}

/**
 * Per-example results as the tables `compareExamples` reads, when every run of both arms logged them. They are
 * used only when each run's mean over the shared examples is its value of the metric (accuracy from right/wrong
 * answers, a mean loss from per-example losses): otherwise they measure something else than the verdict is on.
 * Null when some run has none.
 */
export function exampleTables(
  baseline: readonly Row[],
  candidate: readonly Row[],
  examples: ReadonlyMap<string, ExampleResults>,
): ExampleTables | null {
  const rows = [...baseline, ...candidate];
  const results = rows.map((row) => (row.runId === null ? undefined : examples.get(row.runId)));
  if (rows.length === 0 || results.some((r) => r === undefined)) return null;
  const all = results as ExampleResults[];
  const ids = sharedExamples(all);
  const table = (arm: readonly Row[], offset: number) =>
    arm.map((_, i) => ids.map((id) => Number(all[offset + i]!.get(id))));
  const tables = {
    baseline: table(baseline, 0),
    candidate: table(candidate, baseline.length),
    examples: ids.length,
  };
  if (ids.length < 2) {
    return {
      ...tables,
      usable: false,
      mismatch: 'The runs share fewer than 2 examples in their per-example results.',
    };
  }
  const averages = [...tables.baseline, ...tables.candidate].map(
    (row) => row.reduce((a, b) => a + b, 0) / row.length,
  );
  const off = averages.findIndex(
    (average, i) => Math.abs(average - rows[i]!.value) > 1e-6 * Math.max(1, Math.abs(average)),
  );
  if (off >= 0) {
    return {
      ...tables,
      usable: false,
      mismatch:
        `Per-example results were logged, but a run's mean over the ${ids.length} examples all runs scored ` +
        `(${averages[off]}) is not its value of the metric (${rows[off]!.value}): the verdict is on the metric.`,
    };
  }
  return { ...tables, usable: true, mismatch: null };
}
