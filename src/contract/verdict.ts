import { z } from 'zod';
import { nonFiniteName } from '../core/non-finite.js';
import type { Verdict } from '../core/verdict.js';
import { wireNumber } from './wire.js';

const interval = z.tuple([wireNumber, wireNumber]);

/** The statistics library's verdict on "is the candidate really better?", in the API's words. */
export const verdict = z.object({
  verdict: z.enum(['improved', 'worse', 'no_detectable_difference', 'inconclusive']),
  estimate: wireNumber,
  ci: interval,
  p_value: wireNumber,
  probability_of_improvement: wireNumber,
  effect_size: wireNumber,
  power: wireNumber,
  runs_needed_per_arm: wireNumber,
  additional_runs_per_arm: wireNumber,
  /** The parts of the difference's variance: the runs' spread, and the evaluation set's sampling error. */
  variance: z.object({
    training: wireNumber,
    evaluation: wireNumber,
    evaluation_method: z.enum(['not_counted', 'binomial_bound', 'per_example', 'in_run_spread']),
  }),
  /** Examples an evaluation set needs for the target effect when its noise is what limits; null otherwise. */
  eval_set_size_needed: wireNumber.nullable(),
  notes: z.array(z.string()),
});

/**
 * A verdict in the API's words. The one mapping from the statistics library's Verdict, used by the server
 * and by the CLI's serverless `compare` alike.
 */
export function verdictWire(v: Verdict): z.input<typeof verdict> {
  const n = (value: number) => nonFiniteName(value) ?? value;
  return {
    verdict: v.verdict,
    estimate: n(v.estimate),
    ci: [n(v.ci[0]), n(v.ci[1])],
    p_value: n(v.pValue),
    probability_of_improvement: n(v.probabilityOfImprovement),
    effect_size: n(v.effectSize),
    power: n(v.power),
    runs_needed_per_arm: n(v.runsNeededPerArm),
    additional_runs_per_arm: n(v.additionalRunsPerArm),
    variance: {
      training: n(v.variance.training),
      evaluation: n(v.variance.evaluation),
      evaluation_method: v.variance.evaluationMethod,
    },
    eval_set_size_needed: v.evalSetSizeNeeded === null ? null : n(v.evalSetSizeNeeded),
    notes: v.notes,
  };
}

/** McNemar's test on the examples both arms scored. */
export const perExample = z.object({
  examples: z.int(),
  baseline_only: z.int(),
  candidate_only: z.int(),
  statistic: wireNumber,
  p_value: wireNumber,
});

/** How much the primary metric moves between seeds of the baseline. */
export const noiseFloor = z.object({
  trial_id: z.string(),
  seeds: z.int(),
  mean: wireNumber,
  sd: wireNumber,
  detectable_effect: wireNumber,
  eval_set_standard_error: wireNumber.nullable(),
  eval_set_size: z.int().nullable(),
});

/** n, mean, sd, t interval, IQM, min and max of one metric over a trial's finished runs. */
export const summary = z.object({
  n: z.int(),
  mean: wireNumber,
  sd: wireNumber,
  ci: interval,
  iqm: wireNumber,
  min: wireNumber,
  max: wireNumber,
});
