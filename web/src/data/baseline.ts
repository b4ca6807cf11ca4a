import type { TrialDetail } from '../../../src/sdk/index.js';
import { formatPlusMinus } from './format.js';

/** "0.9942 ± 0.0066" for a trial's primary metric over its finished seeds; empty if it has none. */
export function baselineText(trial: Pick<TrialDetail, 'metrics'>, metric: string): string {
  const summary = trial.metrics[metric];
  return summary ? formatPlusMinus(summary.mean, summary.ci) : '';
}
