import { table } from '../output.js';
import { type DemoTrial, meanText } from './experiments.js';
import type { PhaseTime } from './progress.js';
import type { ServedLoop } from './serving.js';

/** The closing summary: every trial with its verdict, what serves, how it does live, and the retrain. */
export function summaryLines(trials: readonly DemoTrial[], served: ServedLoop, model: string): string[] {
  const { retrain } = served;
  const rows = [
    ...trials.map((t) => [
      t.label,
      t.change,
      meanText(t.trial),
      outcomeOf(t),
      promotedText(t.promoted, t.refused),
    ]),
    [
      retrain.label,
      'retrain on the feedback',
      meanText(retrain.trial),
      retrain.trial.outcome,
      promotedText(
        retrain.decision.moved,
        retrain.trial.outcome === 'improved' ? retrain.decision.why : undefined,
      ),
    ],
  ];
  return [
    table(['TRIAL', 'CHANGE', 'ACC (mean ± 95% CI)', 'VERDICT', 'PROMOTED?'], rows),
    ...trials.flatMap((t) => (t.refused === undefined ? [] : [`Refused: ${t.refused}.`])),
    '',
    `Served: ${model}@production (version ${served.version}) answered ${served.predictions} days of 2015; ${served.labelled} true labels came back.`,
    'Live vs offline:',
    ...served.quality
      .trimEnd()
      .split('\n')
      .map((line) => `  ${line}`),
    `Retrain: ${retrain.decision.why}`,
  ];
}

export function phaseLines(phases: readonly PhaseTime[]): string[] {
  const total = phases.reduce((sum, p) => sum + p.seconds, 0);
  return [
    `Wall time: ${phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join(', ')}; total ${total.toFixed(1)} s`,
  ];
}

/** An improved trial the project's promotion rules refused (its minimum effect) says so; the reason follows the table. */
function promotedText(promoted: boolean, refused: string | undefined): string {
  if (promoted) return 'promoted';
  return refused === undefined ? '' : 'refused';
}

function outcomeOf(t: DemoTrial): string {
  return t.change.endsWith('(baseline)') ? 'baseline' : t.trial.outcome;
}
