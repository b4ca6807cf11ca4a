export { binomialInterval, binomialStandardError } from './binomial.js';
export { bcaAcceleration, bootstrapInterval, intervalFromReplicates } from './bootstrap.js';
export { type CompareOptions, compare } from './compare.js';
export { compareExamples } from './compare-examples.js';
export { mannWhitneyU } from './mann-whitney.js';
export { mcnemar } from './mcnemar.js';
export { bonferroni, holm } from './multiple-testing.js';
export { type NoiseBySource, noiseBySource, type SeededRun, type SourceNoise } from './noise-sources.js';
export {
  type EvaluationVariance,
  type NoiseSplit,
  splitNoise,
  splitNoiseFromExamples,
} from './noise-split.js';
export { sampleSizePerGroup, tTestPower } from './power.js';
export { iqm, probabilityOfImprovement } from './robust.js';
export { pairedTTest, studentTTest, welchTTest } from './t-tests.js';
export type { Alternative, EvaluationNoiseMethod, TestResult, Verdict } from './types.js';
export type { VarianceEstimate } from './variance-estimate.js';
export type { VerdictOptions } from './verdict-options.js';
