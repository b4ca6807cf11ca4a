import { formatAdvice, formatNumber, formatRunsNeeded } from '../../../src/core/format.js';
import type { Evaluation, TrialOutcome } from '../../../src/sdk/index.js';
import { formatEstimate, formatInterval, formatP, formatPercent, verdictWords } from './format.js';

/** A trial's verdict for the trial page: a word, a sentence, the numbers behind it, and why. */
export interface VerdictReport {
  outcome: TrialOutcome;
  /** As the API spells it, with spaces: "no detectable difference". */
  words: string;
  sentence: string;
  /** What would settle an undecided verdict; empty otherwise. */
  advice: string;
  figures: { label: string; value: string }[];
  why: string[];
}

const SENTENCES: Record<TrialOutcome, string> = {
  improved: 'Better than the baseline, beyond the noise.',
  worse: 'Worse than the baseline, beyond the noise.',
  no_detectable_difference: 'No difference worth having: any effect is smaller than the minimum effect.',
  inconclusive: 'Not settled: the seeds cannot yet tell it from the baseline.',
  failed: 'Every run ended without a result.',
  pending: 'Nothing to compare yet.',
};

export function verdictReport(
  evaluation: Evaluation | null,
  baselineLabel: (trialId: string) => string = (id) => id,
): VerdictReport {
  const outcome = evaluation?.outcome ?? 'pending';
  const v = evaluation?.comparison ?? null;
  const against = evaluation?.baseline_trial_id;
  const figures = v
    ? [
        { label: 'difference', value: formatEstimate(v.estimate) },
        { label: 'interval', value: formatInterval(v.ci) },
        { label: 'p-value', value: formatP(v.p_value) },
        { label: 'P(improvement)', value: formatPercent(v.probability_of_improvement) },
        { label: 'effect size (d)', value: formatNumber(v.effect_size) },
        { label: 'power', value: `${formatPercent(v.power)} with the runs done` },
        { label: 'runs needed', value: formatRunsNeeded(v) },
        {
          label: 'eval set needed',
          value:
            v.verdict === 'inconclusive' && v.eval_set_size_needed !== null
              ? `${formatNumber(v.eval_set_size_needed)} examples`
              : '',
        },
      ]
    : [];
  const context = evaluation
    ? [
        { label: 'metric', value: evaluation.metric ?? '' },
        {
          label: 'against',
          value:
            against === null || against === undefined
              ? ''
              : `baseline ${baselineLabel(against)}${evaluation.paired ? ', paired by seed' : ', independent seeds'}`,
        },
      ]
    : [];
  return {
    outcome,
    words: verdictWords(outcome),
    sentence: SENTENCES[outcome],
    advice: v ? formatAdvice(v) : '',
    figures: [...context, ...figures].filter((f) => f.value !== ''),
    why: evaluation?.notes ?? [],
  };
}
