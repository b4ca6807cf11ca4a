import type { TrialDetail } from '../../sdk/index.js';
import type { SweptTrial } from './rank-trials.js';
import type { SweepPoint } from './search-space.js';

/** A sweep's trial once judged: its primary metric's mean and interval, and its verdict against the baseline. */
export function sweptTrial(label: string, point: SweepPoint, detail: TrialDetail): SweptTrial {
  const evaluation = detail.evaluation;
  const summary = evaluation?.metric == null ? undefined : detail.metrics[evaluation.metric];
  const comparison = evaluation?.comparison ?? null;
  return {
    trialId: detail.id,
    label,
    point,
    mean: summary?.mean ?? null,
    ci: summary?.ci ?? null,
    comparison:
      comparison === null
        ? null
        : {
            verdict: evaluation?.outcome ?? comparison.verdict,
            estimate: comparison.estimate,
            ci: comparison.ci,
            p_value: comparison.p_value,
          },
  };
}
