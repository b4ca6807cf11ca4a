import { describeChange } from '../core/change-set.js';
import { formatNumber, formatSigned } from '../core/format.js';
import type { Evaluation, NoiseFloor, Trial, Verdict } from '../sdk/index.js';

/** Human-readable lines for verdicts, noise and change-sets (compare, trial show, baseline show). */
export function verdictLines(v: Verdict, notes: readonly string[] = v.notes): string[] {
  const more =
    v.verdict === 'inconclusive' &&
    Number.isFinite(v.additional_runs_per_arm) &&
    v.additional_runs_per_arm > 0
      ? ` — run ${v.additional_runs_per_arm} more per arm`
      : '';
  return [
    `verdict            ${v.verdict}${more}`,
    `difference         ${formatSigned(v.estimate)}  95% CI [${formatNumber(v.ci[0])}, ${formatNumber(v.ci[1])}]`,
    `p-value            ${formatNumber(v.p_value)}`,
    `P(improvement)     ${formatNumber(v.probability_of_improvement)}`,
    `effect size (d)    ${formatNumber(v.effect_size)}`,
    `power              ${formatNumber(v.power)} with the runs done; ${formatNumber(v.runs_needed_per_arm)} per arm give 80% (${formatNumber(v.additional_runs_per_arm)} more)`,
    ...notes.map((note) => `  · ${note}`),
  ];
}

export function noiseLines(floor: NoiseFloor | null): string[] {
  if (!floor) return ['noise              unknown (the baseline needs 2 finished seeds)'];
  return [
    `noise              sd ${formatNumber(floor.sd)} over ${floor.seeds} seeds; ` +
      `detectable with ${floor.seeds} seeds/arm: ${formatNumber(floor.detectable_effect)}` +
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
