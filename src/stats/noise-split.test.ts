import { describe, expect, it } from 'vitest';
import { mean, variance } from './descriptive.js';
import { splitNoise, splitNoiseFromExamples } from './noise-split.js';
import { createRng } from './random.js';

describe('splitNoise (binomial bound from the mean and the evaluation-set size)', () => {
  it('splits one run’s variance into the runs’ spread and the evaluation set’s sampling error (scipy)', () => {
    const s = splitNoise([0.8, 0.81, 0.79, 0.8], 1000);
    expect(s.mean).toBeCloseTo(0.8, 12);
    expect(s.training.variance).toBeCloseTo(6.666666666666679e-5, 15);
    expect(s.training.df).toBe(3);
    expect(s.training.ci[0]).toBeCloseTo(2.1394027093974595e-5, 12);
    expect(s.training.ci[1]).toBeCloseTo(0.0009268043192055012, 12);
    expect(s.evaluation).toMatchObject({
      method: 'binomial_bound',
      evalSetSize: 1000,
      df: Number.POSITIVE_INFINITY,
    });
    expect(s.evaluation.variance).toBeCloseTo(0.00016, 15);
    expect(s.evaluationShare).toBeCloseTo(0.00016 / (0.00016 + 6.666666666666679e-5), 12);
    expect(s.notes.at(-1)).toMatch(/more seeds cannot remove it, a larger evaluation set can/);
  });

  it('one run: the evaluation part only; a mean outside [0, 1] is refused', () => {
    const s = splitNoise([0.7], 50);
    expect(s.training.variance).toBeNaN();
    expect(s.training.ci).toEqual([0, Number.POSITIVE_INFINITY]);
    expect(s.evaluation.variance).toBeCloseTo(0.0042, 15);
    expect(() => splitNoise([1.2, 1.4], 100)).toThrow(/not in \[0, 1\]/);
    expect(() => splitNoise([0.5], 0)).toThrow(/evalSetSize/);
    expect(() => splitNoise([0.5], 10, { confidence: 1 })).toThrow(/confidence/);
  });
});

describe('splitNoiseFromExamples (variance components of runs × examples)', () => {
  it('matches the reference decomposition (numpy/scipy)', () => {
    const s = splitNoiseFromExamples([
      [1, 0, 1, 1, 0, 1],
      [1, 1, 1, 0, 0, 1],
      [0, 0, 1, 1, 0, 1],
    ]);
    expect(s.training.variance).toBeCloseTo(0.009259259259259255, 15);
    expect(s.evaluation.method).toBe('per_example');
    expect(s.evaluation.variance).toBeCloseTo(0.014814814814814817, 15);
    expect(s.evaluation.df).toBeCloseTo(1.577649958915366, 9);
    expect(s.evaluation.ci[0]).toBeCloseTo(0.0036211091823711693, 9);
    expect(s.evaluation.ci[1]).toBeCloseTo(1.3722071246254133, 6);
  });

  it('is unbiased for a simulated model: examples, seeds and their interaction', () => {
    const rng = createRng(5);
    const [runs, examples, sdExample, sdSeed, sdInteraction] = [4, 50, 1, 0.3, 0.7];
    const training: number[] = [];
    const evaluation: number[] = [];
    let covered = 0;
    for (let i = 0; i < 1000; i++) {
      const effects = Array.from({ length: examples }, () => sdExample * rng.normal());
      const table = Array.from({ length: runs }, () => {
        const seed = sdSeed * rng.normal();
        return effects.map((e) => e + seed + sdInteraction * rng.normal());
      });
      const s = splitNoiseFromExamples(table);
      training.push(s.training.variance);
      evaluation.push(s.evaluation.variance);
      if (s.evaluation.ci[0] <= 1 / examples && 1 / examples <= s.evaluation.ci[1]) covered++;
    }
    // One run's mean over the examples varies across seeds by sdSeed² + sdInteraction²/N; a fresh set of N
    // examples moves the metric by sdExample²/N.
    const trainingTruth = sdSeed ** 2 + sdInteraction ** 2 / examples;
    expect(Math.abs(mean(training) - trainingTruth)).toBeLessThan(4 * Math.sqrt(variance(training) / 1000));
    expect(Math.abs(mean(evaluation) - 1 / examples)).toBeLessThan(
      4 * Math.sqrt(variance(evaluation) / 1000),
    );
    // Satterthwaite's interval is approximate: near 95%.
    expect(covered / 1000).toBeGreaterThan(0.92);
  });

  it('edge cases: one run is an upper bound, one example has no evaluation estimate, a negative estimate is 0', () => {
    const one = splitNoiseFromExamples([[1, 0, 1, 1]]);
    expect(one.training.variance).toBeNaN();
    expect(one.evaluation.variance).toBeCloseTo(0.25 / 4, 15);
    expect(one.notes[0]).toMatch(/upper bound/);
    const single = splitNoiseFromExamples([[1], [0]]);
    expect(single.evaluation.variance).toBeNaN();
    expect(single.notes[0]).toMatch(/At least 2 examples/);
    // Seeds disagree on every example, the examples do not differ on average: the component is truncated at 0.
    const noise = splitNoiseFromExamples([
      [1, 0, 1, 0],
      [0, 1, 0, 1],
    ]);
    expect(noise.evaluation.variance).toBe(0);
    expect(noise.evaluation.ci).toEqual([0, 0]);
    // Truncated but with examples that differ a little: the upper limit is the examples' spread alone.
    const truncated = splitNoiseFromExamples([
      [1, 0, 1, 1],
      [0, 1, 0, 1],
    ]);
    expect(truncated.evaluation.variance).toBe(0);
    expect(truncated.evaluation.ci[1]).toBeGreaterThan(0);
    expect(() => splitNoiseFromExamples([])).toThrow(/table/);
    expect(() => splitNoiseFromExamples([[1, 0], [1]])).toThrow(/table\[1\]/);
  });
});
