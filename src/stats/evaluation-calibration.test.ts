import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { compareExamples } from './compare-examples.js';
import { combinedRunsPerArm } from './evaluation-power.js';
import { createRng, type Rng } from './random.js';
import { summarizeTable } from './two-way-table.js';
import type { Verdict } from './types.js';

// Simulated the way teams evaluate: models scored right (1) or wrong (0) on one shared evaluation set drawn
// afresh for every simulated experiment, several training runs (seeds) per model.

interface TrainingNoise {
  /** Share of a model's answers each seed re-decides. */
  share: number;
  /** Sd of the seed's effect on the accuracy it re-decides them with. */
  sd: number;
}

/** A model's answers on `examples` examples, right with probability `accuracy`, independently of other models. */
function answers(rng: Rng, examples: number, accuracy: number): number[] {
  return Array.from({ length: examples }, () => (rng.next() < accuracy ? 1 : 0));
}

/** One small change to a model: a share of its answers re-decided, at `accuracy`; the others stay the same. */
function changed(rng: Rng, model: readonly number[], share: number, accuracy: number): number[] {
  return model.map((v) => (rng.next() < share ? (rng.next() < accuracy ? 1 : 0) : v));
}

/**
 * Training runs of models with these population accuracies: each seed shifts the accuracy by N(0, sd) and
 * re-decides a share of each model's answers at the shifted accuracy. With `paired`, run j of every model shares
 * its seed (the same shift, the same answers re-decided with the same draws), otherwise seeds are independent.
 */
function trainingRuns(
  rng: Rng,
  models: readonly (readonly number[])[],
  accuracies: readonly number[],
  noise: TrainingNoise,
  runs: number,
  paired = false,
): [number[][], number[][]] {
  const tables: number[][][] = models.map(() => []);
  const examples = models[0]!.length;
  // A seed: its shift of the accuracy, and the examples it re-decides with their uniform draws. The gaps between
  // re-decided examples are geometric, so only those examples cost random numbers.
  const seed = () => {
    const redecided: [number, number][] = [];
    const logKeep = Math.log(1 - noise.share);
    for (let i = Math.floor(Math.log(1 - rng.next()) / logKeep); i < examples; ) {
      redecided.push([i, rng.next()]);
      i += 1 + Math.floor(Math.log(1 - rng.next()) / logKeep);
    }
    return { shift: noise.sd * rng.normal(), redecided };
  };
  for (let j = 0; j < runs; j++) {
    const shared = paired ? seed() : undefined;
    models.forEach((model, m) => {
      const { shift, redecided } = shared ?? seed();
      const run = model.slice();
      for (const [i, draw] of redecided) run[i] = draw < accuracies[m]! + shift ? 1 : 0;
      tables[m]!.push(run);
    });
  }
  return [tables[0]!, tables[1] ?? []];
}

/**
 * Var of one run's accuracy across seeds on a fixed evaluation set for this generator: the seed's effect, share²·sd²,
 * plus each re-decided answer's own noise, share·p(1 − p)(2 − share)/N.
 */
function trainingVariance(noise: TrainingNoise, accuracy: number, examples: number): number {
  return (
    noise.share ** 2 * noise.sd ** 2 +
    (noise.share * accuracy * (1 - accuracy) * (2 - noise.share)) / examples
  );
}

type Method = (b: number[][], c: number[][]) => Verdict;
const runsOnly: Method = (b, c) =>
  compare(summarizeTable(b).rowMeans, summarizeTable(c).rowMeans, { direction: 'maximize' });
const binomialBound: Method = (b, c) =>
  compare(summarizeTable(b).rowMeans, summarizeTable(c).rowMeans, {
    direction: 'maximize',
    evalSetSize: b[0]!.length,
  });
const perExample: Method = (b, c) => compareExamples(b, c, { direction: 'maximize' });
const perExamplePaired: Method = (b, c) => compareExamples(b, c, { direction: 'maximize', paired: true });

/** The share of simulated experiments each method calls `improved`. */
function improvedRate(
  experiments: number,
  experiment: () => [number[][], number[][]],
  methods: Record<string, Method>,
): Record<string, number> {
  const counts = Object.fromEntries(Object.keys(methods).map((name) => [name, 0]));
  for (let i = 0; i < experiments; i++) {
    const [b, c] = experiment();
    for (const [name, method] of Object.entries(methods)) {
      if (method(b, c).verdict === 'improved') counts[name]!++;
    }
  }
  return Object.fromEntries(Object.entries(counts).map(([name, count]) => [name, count / experiments]));
}

const standardError = (rate: number, experiments: number) => Math.sqrt((rate * (1 - rate)) / experiments);

// One tail of a two-sided 95% interval: 2.5% `improved` when nothing changed, plus 2.5 binomial standard errors
// of a rate over that many simulated experiments (≈ 3.4% over 2,000, 3.7% over 1,000).
const falseImprovementBound = (experiments: number) => 0.025 + 2.5 * standardError(0.025, experiments);

describe('calibration with a small shared evaluation set (issue 14)', () => {
  const noise = { share: 0.1, sd: 0.05 };

  it('two models of equal accuracy, right on different examples, 100 examples, 5 seeds each', () => {
    const rng = createRng(14);
    const rates = improvedRate(
      2000,
      () => {
        const b = answers(rng, 100, 0.8);
        const c = answers(rng, 100, 0.8);
        return trainingRuns(rng, [b, c], [0.8, 0.8], noise, 5);
      },
      { runsOnly, binomialBound, perExample },
    );
    expect(rates.binomialBound).toBeLessThanOrEqual(falseImprovementBound(2000));
    expect(rates.perExample).toBeLessThanOrEqual(falseImprovementBound(2000));
    // The runs alone ignore the evaluation set: the defect, on the same experiments.
    expect(rates.runsOnly).toBeGreaterThan(0.2);
  });

  it('equal accuracy after one small change: the models agree on most examples', () => {
    const rng = createRng(15);
    const rates = improvedRate(
      1000,
      () => {
        const b = answers(rng, 100, 0.8);
        const c = changed(rng, b, 0.1, 0.8);
        return trainingRuns(rng, [b, c], [0.8, 0.8], noise, 5);
      },
      { binomialBound, perExample },
    );
    expect(rates.binomialBound).toBeLessThanOrEqual(falseImprovementBound(1000));
    expect(rates.perExample).toBeLessThanOrEqual(falseImprovementBound(1000));
  });

  it('paired by seed: run j of both models shares its seed', () => {
    const rng = createRng(16);
    const rates = improvedRate(
      1000,
      () => {
        const b = answers(rng, 100, 0.8);
        const c = changed(rng, b, 0.3, 0.8);
        return trainingRuns(rng, [b, c], [0.8, 0.8], noise, 5, true);
      },
      { perExamplePaired },
    );
    expect(rates.perExamplePaired).toBeLessThanOrEqual(falseImprovementBound(1000));
  });
});

describe('power: what the advice promises, simulated', () => {
  // A real gain of 0.05 (0.80 → 0.85) on 2,000 examples, with a seed effect large enough for seeds to matter.
  const noise = { share: 0.2, sd: 0.08 };
  const [pb, pc, examples, gain] = [0.8, 0.85, 2000, 0.05];
  const POWER_EXPERIMENTS = 1000;
  const promised = 0.8 - 2.5 * standardError(0.8, POWER_EXPERIMENTS);
  // A pilot whose runs have the design's true seed-to-seed sd: the advice for minEffect = 0.05.
  const sd = (p: number) => Math.sqrt(trainingVariance(noise, p, examples));
  const pilot = compare([pb - sd(pb), pb, pb + sd(pb)], [pc - sd(pc), pc, pc + sd(pc)], {
    direction: 'maximize',
    minEffect: gain,
    evalSetSize: examples,
  });

  const simulate = (seed: number, size: number, runs: number) => {
    const rng = createRng(seed);
    return improvedRate(
      POWER_EXPERIMENTS,
      () => trainingRuns(rng, [answers(rng, size, pb), answers(rng, size, pc)], [pb, pc], noise, runs),
      { binomialBound },
    );
  };

  it('runsNeededPerArm on the 2,000 examples reaches 80%', () => {
    const runs = pilot.runsNeededPerArm;
    expect(runs).toBeGreaterThan(2);
    expect(runs).toBeLessThan(10);
    expect(simulate(21, examples, runs).binomialBound).toBeGreaterThanOrEqual(promised);
  });

  it('evalSetSizeNeeded with the runs it needs reaches 80%', () => {
    const size = pilot.evalSetSizeNeeded!;
    const pooledSd = Math.sqrt((sd(pb) ** 2 + sd(pc) ** 2) / 2);
    const perExampleVariance = pb * (1 - pb) + pc * (1 - pc);
    const runs = Math.ceil(
      combinedRunsPerArm(gain, { trainingSd: pooledSd, evaluationVariance: perExampleVariance / size }, 0.05),
    );
    expect(runs).toBeGreaterThan(2);
    expect(simulate(22, size, runs).binomialBound).toBeGreaterThanOrEqual(promised);
  });

  it('the generator has the seed-to-seed sd the pilot assumed', () => {
    const rng = createRng(23);
    let sum = 0;
    for (let i = 0; i < 200; i++) {
      const [table] = trainingRuns(rng, [answers(rng, examples, pb)], [pb], noise, 5);
      const means = summarizeTable(table).rowMeans;
      const m = means.reduce((s, v) => s + v, 0) / 5;
      sum += means.reduce((s, v) => s + (v - m) ** 2, 0) / 4;
    }
    // The mean of 200 sample variances with 4 df is within ±10% of the truth (≈ 4.5 standard errors).
    expect(sum / 200 / sd(pb) ** 2).toBeGreaterThan(0.9);
    expect(sum / 200 / sd(pb) ** 2).toBeLessThan(1.1);
  });
});

describe('per-example results are sharper when the models agree on most examples', () => {
  it('one small change (+0.02 on 500 examples, 5 seeds): more power than the binomial bound', () => {
    const rng = createRng(31);
    const noise = { share: 0.1, sd: 0.05 };
    const experiments = 500;
    const rates = improvedRate(
      experiments,
      () => {
        const b = answers(rng, 500, 0.8);
        // A tenth of the answers re-decided at accuracy 1: +0.02 on average.
        const c = changed(rng, b, 0.1, 1);
        return trainingRuns(rng, [b, c], [0.8, 0.82], noise, 5);
      },
      { binomialBound, perExample },
    );
    const difference = rates.perExample! - rates.binomialBound!;
    const se = Math.sqrt(
      standardError(rates.perExample!, experiments) ** 2 +
        standardError(rates.binomialBound!, experiments) ** 2,
    );
    expect(difference).toBeGreaterThan(4 * se);
    expect(rates.perExample).toBeGreaterThan(0.5);
  });
});
