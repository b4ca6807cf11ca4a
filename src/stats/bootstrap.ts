import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { quantileSorted } from './descriptive.js';
import { createRng } from './random.js';
import { assertFinite, assertInteger, assertOneOf, assertOpenUnit, assertSample } from './validate.js';

export type Statistic = (...samples: number[][]) => number;

export interface BootstrapOptions {
  resamples?: number;
  confidence?: number;
  method?: 'percentile' | 'basic' | 'bca';
  seed?: number;
}

/**
 * Bootstrap confidence interval of statistic(...samples), resampling each sample independently with
 * replacement (scipy.stats.bootstrap's conventions; defaults: 10,000 resamples, 95%, BCa, seed 0 so
 * that the result is reproducible). The arrays handed to `statistic` are reused between calls: it must
 * not keep references to them.
 */
export function bootstrapInterval(
  samples: number[][],
  statistic: Statistic,
  opts: BootstrapOptions = {},
): [number, number] {
  const { resamples = 10_000, confidence = 0.95, method = 'bca', seed = 0 } = opts;
  assertSamples(samples, method === 'bca' ? 2 : 1);
  assertStatistic(statistic);
  assertInteger('resamples', resamples, 2);
  assertOpenUnit('confidence', confidence);
  assertOneOf('method', method, ['percentile', 'basic', 'bca'] as const);
  assertInteger('seed', seed, Number.MIN_SAFE_INTEGER);

  const replicates = resample(samples, statistic, resamples, seed).sort();
  if (method === 'percentile') return percentileInterval(replicates, confidence);
  const estimate = evaluate(statistic, samples);
  if (method === 'basic') return basicInterval(replicates, confidence, estimate);

  // BCa (Efron 1987): bias correction z0 from the share of replicates below the estimate (ties ½).
  let below = 0;
  let atOrBelow = 0;
  for (const r of replicates) {
    if (r < estimate) below++;
    if (r <= estimate) atOrBelow++;
  }
  const B = replicates.length;
  // When the estimate lies outside every replicate z0 would be infinite; keep it at the last replicate.
  const share = Math.min(Math.max((below + atOrBelow) / (2 * B), 1 / (2 * B)), 1 - 1 / (2 * B));
  const z0 = normalQuantile(share, 0, 1);
  const a = acceleration(samples, statistic);
  const adjusted = (p: number): number => {
    const z = z0 + normalQuantile(p, 0, 1);
    return normalCdf(z0 + z / (1 - a * z), 0, 1);
  };
  const alpha = (1 - confidence) / 2;
  return [quantileSorted(replicates, adjusted(alpha)), quantileSorted(replicates, adjusted(1 - alpha))];
}

/**
 * BCa acceleration from the jackknife, for several independent samples (scipy's formula:
 * a = Σ_j Σ_i U_ji³ / n_j³ / (6 (Σ_j Σ_i U_ji² / n_j²)^{3/2}), U_ji = (n_j − 1)(θ̄_j − θ_ji)).
 * 0 when the jackknife values do not vary.
 */
export function bcaAcceleration(samples: number[][], statistic: Statistic): number {
  assertSamples(samples, 2);
  assertStatistic(statistic);
  return acceleration(samples, statistic);
}

/** Percentile or basic interval from given bootstrap replicates (basic needs the estimate θ̂). */
export function intervalFromReplicates(
  replicates: number[],
  opts: { method: 'percentile' | 'basic'; confidence?: number; estimate?: number },
): [number, number] {
  const { method, confidence = 0.95, estimate } = opts;
  assertSample('replicates', replicates);
  assertOneOf('method', method, ['percentile', 'basic'] as const);
  assertOpenUnit('confidence', confidence);
  const sorted = Float64Array.from(replicates).sort();
  if (method === 'percentile') return percentileInterval(sorted, confidence);
  if (estimate === undefined) throw new RangeError("estimate is required for method 'basic'");
  assertFinite('estimate', estimate);
  return basicInterval(sorted, confidence, estimate);
}

function percentileInterval(sorted: Float64Array, confidence: number): [number, number] {
  const alpha = (1 - confidence) / 2;
  return [quantileSorted(sorted, alpha), quantileSorted(sorted, 1 - alpha)];
}

function basicInterval(sorted: Float64Array, confidence: number, estimate: number): [number, number] {
  const [lo, hi] = percentileInterval(sorted, confidence);
  return [2 * estimate - hi, 2 * estimate - lo];
}

function resample(samples: number[][], statistic: Statistic, resamples: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const buffers = samples.map((s) => new Array<number>(s.length));
  const replicates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    for (let j = 0; j < samples.length; j++) {
      const source = samples[j] as number[];
      const target = buffers[j] as number[];
      const n = source.length;
      for (let i = 0; i < n; i++) target[i] = source[rng.int(n)] as number;
    }
    replicates[r] = evaluate(statistic, buffers);
  }
  return replicates;
}

function acceleration(samples: number[][], statistic: Statistic): number {
  let numerator = 0;
  let denominator = 0;
  samples.forEach((sample, j) => {
    const n = sample.length;
    const others = samples.slice();
    const jackknife = sample.map((_, i) => {
      others[j] = sample.filter((_, k) => k !== i);
      return evaluate(statistic, others);
    });
    const jackknifeMean = jackknife.reduce((acc, v) => acc + v, 0) / n;
    for (const theta of jackknife) {
      const u = (n - 1) * (jackknifeMean - theta);
      numerator += u ** 3 / n ** 3;
      denominator += u ** 2 / n ** 2;
    }
  });
  return denominator > 0 ? numerator / (6 * denominator ** 1.5) : 0;
}

function evaluate(statistic: Statistic, samples: number[][]): number {
  const value = statistic(...samples);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`statistic must return a finite number, got ${String(value)}`);
  }
  return value;
}

function assertSamples(samples: unknown, minLength: number): asserts samples is number[][] {
  if (!Array.isArray(samples) || samples.length === 0) {
    throw new RangeError('samples must be a non-empty array of samples');
  }
  samples.forEach((s, j) => {
    assertSample(`samples[${j}]`, s, minLength);
  });
}

function assertStatistic(statistic: unknown): asserts statistic is Statistic {
  if (typeof statistic !== 'function') throw new RangeError('statistic must be a function');
}
