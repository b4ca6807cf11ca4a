import type { ExampleResults } from '../../core/example-results.js';
import type { Direction } from '../../core/project.js';
import type { PerExampleComparison } from '../../core/trial.js';
import { alignBySeed } from '../../core/trial-rules.js';
import { compare, compareExamples, type Verdict } from '../../stats/index.js';
import { exampleTables } from './example-tables.js';
import { perExampleComparison } from './per-example.js';

/** One arm's value of the metric for one run (or a raw value, without a run). */
export interface ArmValue {
  seed: number | null;
  value: number;
  runId: string | null;
}

export interface JudgeRequest {
  baseline: readonly ArmValue[];
  candidate: readonly ArmValue[];
  direction: Direction;
  minEffect?: number | undefined;
  alpha?: number | undefined;
  /** Default: paired when both arms ran exactly the same seeds. */
  paired?: boolean | undefined;
  /** The size of the evaluation set the runs were scored on, when known. */
  evalSetSize: number | null;
  /** The runs share one evaluation set (its sampling error is common to all of them), or each drew its own. */
  evalSetShared: boolean;
  /** Per-example results by run id. */
  examples: ReadonlyMap<string, ExampleResults>;
}

export interface Judgement {
  paired: boolean;
  baselineValues: number[];
  candidateValues: number[];
  verdict: Verdict;
  /** McNemar's test on shared right/wrong answers, reported beside the verdict. */
  perExample: PerExampleComparison | null;
  notes: string[];
}

/**
 * The verdict on two arms, counting every noise source that can be counted: the seeds' spread always; the
 * evaluation set's sampling error exactly from per-example results when every run of both arms scored the same
 * examples, else as the binomial bound when the metric is a proportion of a known evaluation-set size. Runs that
 * drew their own evaluation sets already hold that noise in their spread.
 */
export function judge(request: JudgeRequest): Judgement {
  const aligned = alignBySeed(request.baseline, request.candidate);
  const paired = request.paired ?? aligned.paired;
  const baselineValues = aligned.baseline.map((v) => v.value);
  const candidateValues = aligned.candidate.map((v) => v.value);
  const rules = {
    direction: request.direction,
    paired,
    ...(request.minEffect === undefined ? {} : { minEffect: request.minEffect }),
    ...(request.alpha === undefined ? {} : { alpha: request.alpha }),
  };
  const notes: string[] = [];
  const results = (values: readonly ArmValue[]) =>
    values.flatMap((v) => {
      const found = v.runId === null ? undefined : request.examples.get(v.runId);
      return found === undefined ? [] : [found];
    });
  const tables = request.evalSetShared
    ? exampleTables(aligned.baseline, aligned.candidate, request.examples)
    : null;
  let verdict: Verdict;
  if (tables?.usable) {
    notes.push(
      `Judged on the ${tables.examples} examples every run of both arms scored: the seeds' spread and the ` +
        "evaluation set's sampling error both count, and the examples both arms got alike cancel out.",
    );
    verdict = compareExamples(tables.baseline, tables.candidate, rules);
  } else {
    if (tables?.mismatch) notes.push(tables.mismatch);
    const proportion = [...baselineValues, ...candidateValues].every((v) => v >= 0 && v <= 1);
    const evalSetSize = request.evalSetSize !== null && proportion ? request.evalSetSize : null;
    if (request.evalSetSize !== null && !proportion) {
      notes.push('The metric is not a proportion, so the evaluation-set size does not bound its noise.');
    }
    verdict = compare(baselineValues, candidateValues, {
      ...rules,
      ...(evalSetSize === null ? {} : { evalSetSize, evalSetShared: request.evalSetShared }),
    });
  }
  return {
    paired,
    baselineValues,
    candidateValues,
    verdict,
    perExample: request.evalSetShared
      ? perExampleComparison(results(aligned.baseline), results(aligned.candidate))
      : null,
    notes,
  };
}
