import { sumOfSquares, variance } from './descriptive.js';
import { fmt } from './note-format.js';
import { assertFinite, assertOpenUnit } from './validate.js';
import { type VarianceEstimate, varianceEstimate } from './variance-estimate.js';

/** One run's metric value and the seed it used for each source of randomness. */
export interface SeededRun {
  /** e.g. { init: 1, data: 7, eval: 3 }: weights' initialisation, data order, evaluation-set draw. */
  seeds: Readonly<Record<string, string | number>>;
  value: number;
}

/** The variance one source of randomness adds, from runs that differ only in that source's seed. */
export interface SourceNoise extends VarianceEstimate {
  source: string;
  /** Groups of at least 2 runs that share every other source's seed. */
  groups: number;
  /** Runs in those groups. */
  runs: number;
}

export interface NoiseBySource {
  sources: SourceNoise[];
  /**
   * Runs that repeat every seed: their spread is nondeterminism (GPU kernels, asynchronous updates), which is
   * inside every source's estimate too. Null when no seeds were repeated.
   */
  repeats: (VarianceEstimate & { groups: number; runs: number }) | null;
  /** The variance of all the runs used. */
  total: VarianceEstimate;
  notes: string[];
}

/**
 * Splits training noise by source when runs record a separate seed per source. For each source, the runs are
 * grouped by the seeds of all the other sources; within a group only that source's seed changes, so the pooled
 * within-group variance Σ SS_g / Σ(n_g − 1) estimates that source's variance, with df = Σ(n_g − 1) and a
 * chi-square interval. What it cannot separate: the estimate also holds run-to-run nondeterminism (see
 * `repeats`) and the source's interactions with the others, so the sources' variances need not add up to the
 * total. A source never varied with the others fixed gets df 0 and variance NaN: its effect is confounded with
 * the sources that changed with it. Runs lacking a seed for some source are left out (with a note).
 */
export function noiseBySource(runs: SeededRun[], options: { confidence?: number } = {}): NoiseBySource {
  const { confidence = 0.95 } = options;
  assertOpenUnit('confidence', confidence);
  assertRuns(runs);
  const sources = [...new Set(runs.flatMap((run) => Object.keys(run.seeds)))].sort();
  const complete = runs.filter((run) => sources.every((source) => Object.hasOwn(run.seeds, source)));
  const notes: string[] = [];
  if (complete.length < runs.length) {
    notes.push(`${runs.length - complete.length} run(s) lack a seed for some source and were left out.`);
  }
  const perSource = sources.map((source): SourceNoise => {
    const groups = groupsOfTwoOrMore(
      complete,
      sources.filter((other) => other !== source),
    );
    const pooled = pooledWithin(groups, confidence);
    if (pooled.df === 0) {
      notes.push(
        `'${source}' never varied while the other sources' seeds stayed fixed: its effect cannot be separated ` +
          'from the sources that changed with it.',
      );
    }
    return { source, ...pooled, groups: groups.length, runs: groups.reduce((sum, g) => sum + g.length, 0) };
  });
  const repeatGroups = groupsOfTwoOrMore(complete, sources);
  const repeats =
    repeatGroups.length === 0
      ? null
      : {
          ...pooledWithin(repeatGroups, confidence),
          groups: repeatGroups.length,
          runs: repeatGroups.reduce((sum, g) => sum + g.length, 0),
        };
  notes.push(
    "Each source's variance also holds run-to-run nondeterminism and the source's interactions with the others" +
      (repeats === null
        ? ': repeat some runs with every seed unchanged to measure the nondeterminism.'
        : `; runs repeating every seed put the nondeterminism at ${fmt(repeats.variance)}.`),
  );
  const values = complete.map((run) => run.value);
  const total =
    values.length < 2
      ? varianceEstimate(Number.NaN, 0, confidence)
      : varianceEstimate(variance(values), values.length - 1, confidence);
  return { sources: perSource, repeats, total, notes };
}

/** The values of runs grouped by their seeds for the given sources; groups of fewer than 2 runs dropped. */
function groupsOfTwoOrMore(runs: readonly SeededRun[], by: readonly string[]): number[][] {
  const groups = new Map<string, number[]>();
  for (const run of runs) {
    const key = JSON.stringify(by.map((source) => String(run.seeds[source])));
    const group = groups.get(key);
    if (group) group.push(run.value);
    else groups.set(key, [run.value]);
  }
  return [...groups.values()].filter((group) => group.length >= 2);
}

/** Σ SS_g / Σ(n_g − 1) over the groups, with df Σ(n_g − 1); NaN with df 0 when there are none. */
function pooledWithin(groups: readonly number[][], confidence: number): VarianceEstimate {
  const df = groups.reduce((sum, g) => sum + g.length - 1, 0);
  const ss = groups.reduce((sum, g) => sum + sumOfSquares(g), 0);
  return varianceEstimate(df === 0 ? Number.NaN : ss / df, df, confidence);
}

function assertRuns(runs: unknown): asserts runs is SeededRun[] {
  if (!Array.isArray(runs)) throw new RangeError('runs must be an array of { seeds, value }');
  runs.forEach((run: unknown, i) => {
    if (typeof run !== 'object' || run === null)
      throw new RangeError(`runs[${i}] must be an object { seeds, value }`);
    const { seeds, value } = run as Partial<SeededRun>;
    assertFinite(`runs[${i}].value`, value);
    if (typeof seeds !== 'object' || seeds === null)
      throw new RangeError(`runs[${i}].seeds must be an object`);
    for (const [source, seed] of Object.entries(seeds)) {
      if (typeof seed !== 'string' && typeof seed !== 'number') {
        throw new RangeError(`runs[${i}].seeds.${source} must be a string or a number, got ${String(seed)}`);
      }
    }
  });
}
