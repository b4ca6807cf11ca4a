import { decideVerdict } from './decide-verdict.js';
import { perExampleNoise } from './per-example-noise.js';
import { MIN_RUNS_PER_GROUP } from './power.js';
import type { Verdict } from './types.js';
import { assertTable } from './validate.js';
import { tooFewRunsNote } from './verdict-notes.js';
import { assertPairedRuns, type VerdictOptions, verdictRules } from './verdict-options.js';

/**
 * Compares two arms that logged per-example results on the same examples: each arm is a runs × examples table
 * (one row per run, e.g. per seed; one column per example, aligned across both arms: the caller intersects the
 * example ids). Values are 0/1 (correct or not) or numbers (a per-example loss or error: regression works the
 * same). A run's metric is its mean over the examples; the difference is mean(candidate) − mean(baseline).
 *
 * The difference's uncertainty counts the runs (seeds) and the examples, the examples both arms share cancelling
 * (perExampleNoise: method-of-moments variance components of the crossed runs × examples design, Satterthwaite
 * df). Two models that agree on most examples get a much tighter interval than the binomial bound of
 * compare's evalSetSize. Everything else (verdict rules, power, runs and evaluation-set size needed,
 * probabilityOfImprovement) is as in compare, with evaluationMethod 'per_example'.
 *
 * Edge cases (never an exception for data; RangeError for bad arguments: non-finite values, rows of different
 * lengths, arms with different numbers of examples, or of runs when paired):
 * - Fewer than 2 runs in an arm: `inconclusive` with a note, as in compare; the evaluation part is not estimated.
 * - One shared example: the evaluation set's noise cannot be estimated: `inconclusive` with a note.
 * - No shared examples (empty rows): `inconclusive`, estimate NaN, with a note.
 * - No variation at all (constant runs and per-example differences): the difference is exact, as in compare.
 * - A between-examples estimate below 0 (sampling noise) counts as 0.
 */
export function compareExamples(
  baseline: number[][],
  candidate: number[][],
  options: VerdictOptions,
): Verdict {
  assertTable('baseline', baseline);
  assertTable('candidate', candidate);
  const rules = verdictRules(options);
  const examples = (baseline[0] ?? candidate[0])?.length ?? 0;
  if (baseline.length > 0 && candidate.length > 0 && candidate[0]!.length !== examples) {
    throw new RangeError(
      `candidate rows must hold as many examples as baseline rows (${candidate[0]!.length} vs ${examples}): ` +
        'align both arms on the examples they share',
    );
  }
  assertPairedRuns(rules, baseline.length, candidate.length);
  const noise = perExampleNoise(baseline, candidate, rules.paired);
  const missing: string[] = [];
  if (Math.min(baseline.length, candidate.length) < MIN_RUNS_PER_GROUP) {
    missing.push(tooFewRunsNote(baseline.length, candidate.length, MIN_RUNS_PER_GROUP));
  }
  if (examples === 0) {
    missing.push('The arms share no examples: align their per-example results on the examples both scored.');
  } else if (examples === 1) {
    missing.push(
      "At least 2 shared examples are needed to estimate the evaluation set's noise (there is 1).",
    );
  }
  return decideVerdict(
    {
      baseline: noise.baselineRuns,
      candidate: noise.candidateRuns,
      training: noise.training,
      evaluation: noise.evaluation,
      missing,
    },
    rules,
  );
}
