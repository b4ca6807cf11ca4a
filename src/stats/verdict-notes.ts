import type { EvaluationNoise } from './evaluation-noise.js';
import { fmt } from './note-format.js';

/** Which sources of noise the difference's uncertainty counts, in words; null when only the seeds'. */
export function sourcesCounted(evaluation: EvaluationNoise, share: number): string | null {
  const percent = `${fmt(100 * share)}% of the variance of the difference`;
  switch (evaluation.method) {
    case 'not_counted':
      return null;
    case 'binomial_bound':
      return (
        `the seeds' spread and the evaluation set's sampling error (the binomial bound for ` +
        `${evaluation.evalSetSize} examples: ${percent})`
      );
    case 'per_example':
      return `the seeds' spread and the sampling error of the ${evaluation.evalSetSize} shared examples (${percent})`;
    case 'in_run_spread':
      return "the seeds' spread, which holds the evaluation noise too: each run drew its own evaluation set";
  }
}

export function tooFewRunsNote(baselineRuns: number, candidateRuns: number, minimum: number): string {
  return (
    `At least ${minimum} runs per arm are needed to estimate run-to-run noise ` +
    `(baseline has ${baselineRuns}, candidate has ${candidateRuns}).`
  );
}
