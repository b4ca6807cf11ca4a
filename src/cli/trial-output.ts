import { describeChange } from '../core/change-set.js';
import type { NoiseFloor, TrialEvaluation } from '../core/trial.js';
import type { Verdict } from '../stats/index.js';
import { formatNumber, formatSigned } from '../tracking/trials/report/format.js';

/** Human-readable lines for verdicts, noise and change-sets, shared by compare, trial show and baseline show. */
export function verdictLines(v: Verdict, notes: readonly string[] = v.notes): string[] {
  const more =
    v.verdict === 'inconclusive' && Number.isFinite(v.additionalRunsPerArm) && v.additionalRunsPerArm > 0
      ? ` — run ${v.additionalRunsPerArm} more per arm`
      : '';
  return [
    `verdict            ${v.verdict}${more}`,
    `difference         ${formatSigned(v.estimate)}  95% CI [${formatNumber(v.ci[0])}, ${formatNumber(v.ci[1])}]`,
    `p-value            ${formatNumber(v.pValue)}`,
    `P(improvement)     ${formatNumber(v.probabilityOfImprovement)}`,
    `effect size (d)    ${formatNumber(v.effectSize)}`,
    `power              ${formatNumber(v.power)}`,
    `runs per arm       ${formatNumber(v.runsNeededPerArm)} for 80% power (${formatNumber(v.additionalRunsPerArm)} more)`,
    ...notes.map((note) => `  · ${note}`),
  ];
}

export function noiseLines(floor: NoiseFloor | null): string[] {
  if (!floor) return ['noise              unknown (the baseline needs 2 finished seeds)'];
  return [
    `noise              sd ${formatNumber(floor.sd)} over ${floor.seeds} seeds; ` +
      `detectable with ${floor.seeds} seeds/arm: ${formatNumber(floor.detectableEffect)}` +
      (floor.evalSetStandardError === null
        ? ''
        : `; eval-set SE ${formatNumber(floor.evalSetStandardError)} (n=${floor.evalSetSize})`),
  ];
}

export function evaluationLines(e: TrialEvaluation | null): string[] {
  if (!e) return ['verdict            pending'];
  const against = e.baselineTrialId === null ? '' : ` vs baseline ${e.baselineTrialId}`;
  const lines = e.comparison
    ? [
        ...verdictLines(e.comparison, e.notes),
        `arms               ${e.paired ? 'paired by seed' : 'independent'}${against}`,
      ]
    : [`verdict            ${e.outcome}${against}`, ...e.notes.map((note) => `  · ${note}`)];
  if (e.perExample) {
    const p = e.perExample;
    lines.push(
      `per example        ${p.examples} shared: baseline-only ${p.baselineOnly}, candidate-only ${p.candidateOnly}, ` +
        `McNemar p ${formatNumber(p.pValue)}`,
    );
  }
  return [...lines, ...noiseLines(e.noise)];
}

export function changeLines(changes: Parameters<typeof describeChange>[0][]): string[] {
  return changes.length === 0 ? ['  (none)'] : changes.map((c) => `  ${describeChange(c)}`);
}
