import { describeChange } from '../core/change-set.js';
import { formatAdvice, formatNumber, formatRunsNeeded, formatSigned } from '../core/format.js';
import type { Evaluation, NoiseFloor, Trial, Verdict } from '../sdk/index.js';
import { fields } from './output.js';

const EVALUATION_METHODS: Record<Verdict['variance']['evaluation_method'], string> = {
  not_counted: 'not counted (no evaluation-set size)',
  binomial_bound: 'its binomial bound',
  per_example: 'from per-example results',
  in_run_spread: "in the runs' spread (each run drew its own)",
};

/** Human-readable lines for verdicts, noise and change-sets (compare, trial show, baseline show). */
export function verdictLines(v: Verdict, notes: readonly string[] = v.notes): string[] {
  const undecided = v.verdict === 'inconclusive';
  const sizeNeeded = v.eval_set_size_needed;
  return fields([
    ['verdict', [v.verdict, formatAdvice(v)].filter((part) => part !== '').join(' — ')],
    [
      'difference',
      `${formatSigned(v.estimate)}  95% CI [${formatNumber(v.ci[0])}, ${formatNumber(v.ci[1])}]`,
    ],
    ['p-value', formatNumber(v.p_value)],
    ['P(improvement)', formatNumber(v.probability_of_improvement)],
    ['effect size (d)', formatNumber(v.effect_size)],
    ['power', `${formatNumber(v.power)} with the runs done`],
    ['runs needed', formatRunsNeeded(v)],
    ['noise counted', noiseCounted(v)],
    ['eval set needed', undecided && sizeNeeded !== null ? `${formatNumber(sizeNeeded)} examples` : ''],
  ]).concat(notes.map((note) => `  · ${note}`));
}

/** Which noise the verdict counted, and how much of the difference's variance each takes. */
function noiseCounted(v: Verdict): string {
  const { training, evaluation, evaluation_method: method } = v.variance;
  const total = training + evaluation;
  const share = (part: number) =>
    total > 0 && Number.isFinite(part) ? ` (${Math.round((100 * part) / total)}%)` : '';
  return method === 'not_counted' || method === 'in_run_spread'
    ? `seeds; evaluation set ${EVALUATION_METHODS[method]}`
    : `seeds${share(training)} + evaluation set${share(evaluation)}, ${EVALUATION_METHODS[method]}`;
}

export function noiseLines(floor: NoiseFloor | null): string[] {
  if (!floor) return ['noise              unknown (the baseline needs 2 finished seeds)'];
  return [
    `noise              sd ${formatNumber(floor.sd)} over ${floor.seeds} seeds; ` +
      `detectable against it with ${floor.seeds} seeds/arm: ${formatNumber(floor.detectable_effect)}` +
      (floor.eval_set_standard_error === null
        ? ''
        : `; eval-set SE ${formatNumber(floor.eval_set_standard_error)} (n=${floor.eval_set_size})`),
  ];
}

export function evaluationLines(
  e: Evaluation | null,
  trialNumbers: ReadonlyMap<string, number> = new Map(),
): string[] {
  if (!e) return ['verdict            pending'];
  const baseline = e.baseline_trial_id;
  const against =
    baseline === null
      ? ''
      : ` vs baseline ${trialNumbers.has(baseline) ? `#${trialNumbers.get(baseline)}` : baseline}`;
  const lines = e.comparison
    ? [
        ...verdictLines(e.comparison, e.notes),
        `arms               ${e.paired ? 'paired by seed' : 'independent'}${against}`,
      ]
    : [`verdict            ${e.outcome}${against}`, ...e.notes.map((note) => `  · ${note}`)];
  if (e.per_example) {
    const p = e.per_example;
    lines.push(
      `per example        ${p.examples} shared: baseline-only ${p.baseline_only}, candidate-only ${p.candidate_only}, ` +
        `McNemar p ${formatNumber(p.p_value)}`,
    );
  }
  return [...lines, ...noiseLines(e.noise)];
}

export function changeLines(trial: Pick<Trial, 'parent_trial_id' | 'change_set'>): string[] {
  if (trial.parent_trial_id === null) return ['  (no parent)'];
  if (trial.change_set.length === 0) return ['  (no change)'];
  return trial.change_set.map((change) => `  ${describeChange(change)}`);
}
