import { chiSquareQuantile } from './chi-square.js';
import { mean, variance } from './descriptive.js';
import { fmt } from './note-format.js';
import { summarizeTable } from './two-way-table.js';
import { assertInteger, assertOpenUnit, assertSample, assertTable } from './validate.js';
import { satterthwaiteDf, type VarianceEstimate, varianceEstimate } from './variance-estimate.js';

export interface EvaluationVariance extends VarianceEstimate {
  method: 'binomial_bound' | 'per_example';
  evalSetSize: number;
}

/** Where one configuration's run-to-run variance comes from. */
export interface NoiseSplit {
  runs: number;
  mean: number;
  /** Variance of one run's metric across runs on the evaluation set used: seeds, initialisation, data order. */
  training: VarianceEstimate;
  /**
   * Variance a different evaluation set of the same size would add to the metric. Every run scored on one set
   * shares it, so averaging more runs does not reduce it; a larger set does (it falls as 1/size).
   */
  evaluation: EvaluationVariance;
  /** evaluation / (training + evaluation): its share of one run's variance around the population value. */
  evaluationShare: number;
  notes: string[];
}

/**
 * Splits a configuration's noise into training noise (the runs' variance, df n − 1, chi-square interval) and the
 * evaluation set's sampling error for a proportion metric from the mean and the set's size: the binomial
 * p̂(1 − p̂)/N, treated as known. It is an upper bound: it assumes each example is answered the same way by
 * every run, while the part of the answers that changes with the seed is already in the training noise.
 * Fewer than 2 runs: training NaN with df 0. RangeError for a mean outside [0, 1] or bad arguments.
 */
export function splitNoise(
  values: number[],
  evalSetSize: number,
  options: { confidence?: number } = {},
): NoiseSplit {
  assertSample('values', values, 1);
  assertInteger('evalSetSize', evalSetSize, 1);
  const confidence = confidenceOf(options);
  const p = mean(values);
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`evalSetSize applies to proportion metrics, but the mean ${p} is not in [0, 1]`);
  }
  const bound = (p * (1 - p)) / evalSetSize;
  const evaluation: EvaluationVariance = {
    ...varianceEstimate(bound, Number.POSITIVE_INFINITY, confidence),
    method: 'binomial_bound',
    evalSetSize,
  };
  const training = runsVariance(values, confidence);
  return split(values.length, p, training, evaluation, [
    `The evaluation set's part is the binomial bound p(1 − p)/N for p = ${fmt(p)} on ${evalSetSize} examples; ` +
      'per-example results give the exact, usually smaller, value.',
  ]);
}

/**
 * The same split from per-example results (runs × examples, one row per run, values 0/1 or per-example losses):
 * training noise is the variance of the runs' means (df n − 1); the evaluation set's is the between-examples
 * variance component over N, (s²(example means) − MSres/n)/N, with MSres the two-way residual mean square that
 * removes the run × example interaction (which belongs to the runs), truncated at 0, Satterthwaite df and
 * interval (when truncated, the upper limit ignores the subtraction). With 1 run the interaction cannot be
 * removed and the evaluation part is an upper bound; with fewer than 2 examples it is NaN.
 */
export function splitNoiseFromExamples(table: number[][], options: { confidence?: number } = {}): NoiseSplit {
  assertTable('table', table);
  if (table.length === 0) throw new RangeError('table must hold at least one run');
  const examples = table[0]!.length;
  const confidence = confidenceOf(options);
  const summary = summarizeTable(table);
  const runs = table.length;
  const notes: string[] = [];
  const training = runsVariance(summary.rowMeans, confidence);
  let evaluation: VarianceEstimate;
  if (examples < 2) {
    notes.push("At least 2 examples are needed to estimate the evaluation set's noise.");
    evaluation = varianceEstimate(Number.NaN, 0, confidence);
  } else {
    const betweenExamples = variance(summary.columnMeans) / examples;
    const interaction = runs < 2 ? 0 : summary.residualMeanSquare / runs / examples;
    if (runs < 2)
      notes.push("With 1 run its own per-example noise is in the evaluation set's part: an upper bound.");
    evaluation = betweenExamplesComponent(
      { value: betweenExamples, df: examples - 1 },
      { value: interaction, df: summary.residualDf },
      confidence,
    );
  }
  return split(
    runs,
    mean(summary.rowMeans),
    training,
    { ...evaluation, method: 'per_example', evalSetSize: examples },
    notes,
  );
}

function split(
  runs: number,
  metricMean: number,
  training: VarianceEstimate,
  evaluation: EvaluationVariance,
  notes: string[],
): NoiseSplit {
  const share = evaluation.variance / (training.variance + evaluation.variance);
  if (share > 0.5) {
    notes.push(
      `The evaluation set holds ${fmt(100 * share)}% of one run's variance: more seeds cannot remove it, ` +
        'a larger evaluation set can.',
    );
  }
  return { runs, mean: metricMean, training, evaluation, evaluationShare: share, notes };
}

function runsVariance(values: readonly number[], confidence: number): VarianceEstimate {
  return values.length < 2
    ? varianceEstimate(Number.NaN, 0, confidence)
    : varianceEstimate(variance(values), values.length - 1, confidence);
}

/**
 * The variance component positive − subtracted (each a mean square times a constant), truncated at 0, with
 * Satterthwaite's df and interval; when truncated, the upper limit is the positive term's own.
 */
function betweenExamplesComponent(
  positive: { value: number; df: number },
  subtracted: { value: number; df: number },
  confidence: number,
): VarianceEstimate {
  const component = positive.value - subtracted.value;
  if (component > 0) {
    return varianceEstimate(
      component,
      satterthwaiteDf([positive, { value: -subtracted.value, df: subtracted.df }]),
      confidence,
    );
  }
  const upper = (positive.df * positive.value) / chiSquareQuantile((1 - confidence) / 2, positive.df);
  return { variance: 0, sd: 0, df: 0, ci: [0, upper] };
}

function confidenceOf(options: { confidence?: number }): number {
  const { confidence = 0.95 } = options;
  assertOpenUnit('confidence', confidence);
  return confidence;
}
