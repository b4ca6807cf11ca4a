import type { EvaluationRow } from '../../core/evaluation.js';
import { analyseErrors } from './error-analysis.js';
import type { ErrorBreakdown, LabelledRow } from './types.js';

export interface EvaluatedRun {
  id: string;
  seed: number | null;
}

/** An evaluation example with the run (seed) it came from: pooled over a trial, each is one (seed, example). */
export interface EvaluatedExample extends LabelledRow {
  runId: string;
  seed: number | null;
}

export interface EvaluationErrors extends ErrorBreakdown<EvaluatedExample> {
  runs: EvaluatedRun[];
}

/** Error analysis of the evaluations one or more runs logged, pooled. */
export function analyseEvaluations(
  evaluations: readonly { run: EvaluatedRun; rows: readonly EvaluationRow[] }[],
  top: number,
): EvaluationErrors {
  const examples = evaluations.flatMap(({ run, rows }) =>
    rows.map((row) => ({
      id: row.id,
      input: row.input ?? null,
      output: row.output,
      label: row.label,
      score: row.score ?? null,
      runId: run.id,
      seed: run.seed,
    })),
  );
  return { runs: evaluations.map(({ run }) => run), ...analyseErrors(examples, top) };
}
