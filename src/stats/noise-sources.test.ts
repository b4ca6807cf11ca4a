import { describe, expect, it } from 'vitest';
import { mean, variance } from './descriptive.js';
import { noiseBySource, type SeededRun } from './noise-sources.js';
import { createRng } from './random.js';

describe('noiseBySource', () => {
  it('pools the within-group variance of runs that share every other source’s seed', () => {
    // init varies within each data seed; data varies within each init seed (a 2 × 3 factorial).
    const runs: SeededRun[] = [
      { seeds: { init: 1, data: 1 }, value: 0.8 },
      { seeds: { init: 2, data: 1 }, value: 0.82 },
      { seeds: { init: 1, data: 2 }, value: 0.79 },
      { seeds: { init: 2, data: 2 }, value: 0.83 },
      { seeds: { init: 1, data: 3 }, value: 0.81 },
      { seeds: { init: 2, data: 3 }, value: 0.8 },
    ];
    const { sources, total, repeats, notes } = noiseBySource(runs);
    const init = sources.find((s) => s.source === 'init')!;
    const data = sources.find((s) => s.source === 'data')!;
    // init: pairs (0.8, 0.82), (0.79, 0.83), (0.81, 0.8): SS = 0.0002 + 0.0008 + 0.00005, df 3
    expect(init).toMatchObject({ groups: 3, runs: 6, df: 3 });
    expect(init.variance).toBeCloseTo(0.00105 / 3, 15);
    // data: (0.8, 0.79, 0.81) and (0.82, 0.83, 0.8): SS = 0.0002 + 0.00046667, df 4
    expect(data).toMatchObject({ groups: 2, runs: 6, df: 4 });
    expect(data.variance).toBeCloseTo((0.0002 + 0.0014 / 3) / 4, 15);
    expect(total.variance).toBeCloseTo(variance(runs.map((r) => r.value)), 15);
    expect(init.ci[0]).toBeLessThan(init.variance);
    expect(init.ci[1]).toBeGreaterThan(init.variance);
    expect(repeats).toBeNull();
    expect(notes.at(-1)).toMatch(/repeat some runs with every seed unchanged/);
  });

  it('estimates each source plus the nondeterminism, and the repeats the nondeterminism alone', () => {
    // value = source effects (sd 0.02 for init, 0.01 for data) + nondeterminism (sd 0.005), 3 × 3 design, twice.
    const rng = createRng(8);
    const estimates = { init: [] as number[], data: [] as number[], repeats: [] as number[] };
    for (let i = 0; i < 300; i++) {
      const init = [0, 1, 2].map(() => 0.02 * rng.normal());
      const data = [0, 1, 2].map(() => 0.01 * rng.normal());
      const runs: SeededRun[] = [];
      for (let repeat = 0; repeat < 2; repeat++) {
        for (let a = 0; a < 3; a++) {
          for (let b = 0; b < 3; b++) {
            runs.push({
              seeds: { init: a, data: b },
              value: 0.8 + init[a]! + data[b]! + 0.005 * rng.normal(),
            });
          }
        }
      }
      const result = noiseBySource(runs);
      estimates.init.push(result.sources.find((s) => s.source === 'init')!.variance);
      estimates.data.push(result.sources.find((s) => s.source === 'data')!.variance);
      estimates.repeats.push(result.repeats!.variance);
    }
    const near = (values: number[], truth: number) =>
      expect(Math.abs(mean(values) - truth)).toBeLessThan(4 * Math.sqrt(variance(values) / values.length));
    near(estimates.init, 0.02 ** 2 + 0.005 ** 2);
    near(estimates.data, 0.01 ** 2 + 0.005 ** 2);
    near(estimates.repeats, 0.005 ** 2);
  });

  it('says when a source never varied on its own: confounded with the sources that changed with it', () => {
    const runs = [1, 2, 3].map((seed, i) => ({ seeds: { init: seed, data: seed }, value: 0.8 + 0.01 * i }));
    const { sources, notes } = noiseBySource(runs);
    for (const s of sources) {
      expect(s.df).toBe(0);
      expect(s.variance).toBeNaN();
      expect(s.ci).toEqual([0, Number.POSITIVE_INFINITY]);
    }
    expect(notes.filter((n) => /never varied/.test(n))).toHaveLength(2);
  });

  it('leaves out runs lacking a source’s seed, with a note; bad arguments throw RangeError', () => {
    const { total, notes } = noiseBySource([
      { seeds: { init: 1, data: 1 }, value: 0.8 },
      { seeds: { init: 2, data: 1 }, value: 0.9 },
      { seeds: { init: 3 }, value: 0.1 },
    ]);
    expect(total.df).toBe(1);
    expect(notes[0]).toMatch(/1 run\(s\) lack a seed/);
    expect(noiseBySource([]).total.variance).toBeNaN();
    // @ts-expect-error runtime check
    expect(() => noiseBySource([{ seeds: { init: 1 } }])).toThrow(/runs\[0\]\.value/);
    // @ts-expect-error runtime check
    expect(() => noiseBySource([{ seeds: { init: null }, value: 1 }])).toThrow(/runs\[0\]\.seeds\.init/);
    expect(() => noiseBySource([], { confidence: 2 })).toThrow(/confidence/);
  });
});
