import type { Command } from 'commander';
import { formatDate, formatDay, formatDaysLeft, formatHours, formatNumber } from '../../core/format.js';
import type { ModelAlert, NoiseReport, ProjectStatus } from '../../sdk/index.js';
import { accuracyText, intervalText } from '../accuracy-text.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { fields, show } from '../output.js';
import { resolveProject } from '../refs.js';
import { withClient } from '../target.js';
import { trialNumbers } from '../trial-numbers.js';
import { noiseLines } from '../verdict-lines.js';

export function registerStatus(program: Command): void {
  clientOptions(
    program
      .command('status [project]')
      .description('spent against budgets and deadline, the baseline, and whether the project has stalled'),
  ).action(async (ref: string | undefined, o: ClientOptions) => {
    const { status, alerts } = await withClient(o, async (client) => {
      const project = { id: (await resolveProject(client, ref)).id };
      const [status, alerts] = await Promise.all([
        client.projects.status(project),
        client.projects.modelAlerts(project),
      ]);
      return { status, alerts };
    });
    show(
      {
        json: { ...status, model_alerts: alerts },
        text: () => [...statusLines(status), ...alerts.map(alertLine)],
      },
      o,
    );
  });

  clientOptions(
    program
      .command('noise [project]')
      .description("the project's noise floor: the baseline's seeds against each other (A/A)"),
  ).action(async (ref: string | undefined, o: ClientOptions) => {
    const { noise, numbers } = await withClient(o, async (client) => {
      const project = { id: (await resolveProject(client, ref)).id };
      return { noise: await client.projects.noise(project), numbers: await trialNumbers(client, project.id) };
    });
    show({ json: noise, text: () => noiseReportLines(noise, numbers) }, o);
  });
}

function statusLines(s: ProjectStatus): string[] {
  const { budgets } = s;
  const over = (exceeded: boolean) => (exceeded ? '  OVER BUDGET' : '');
  const deadline = budgets.deadline;
  const lines = fields([
    [
      'project',
      `${s.project.name}  (${s.project.primary_metric ?? 'no metric'}, ${s.project.direction ?? '?'})`,
    ],
    ['baseline', s.baseline ? `#${s.baseline.number} since ${formatDate(s.baseline.since)}` : 'none yet'],
    [
      'trials',
      [
        `${s.trials.total}${budgets.trials.budget === null ? '' : ` of ${budgets.trials.budget}`}${over(budgets.trials.exceeded)}`,
        Object.entries(s.trials.by_outcome)
          .map(([outcome, count]) => `${outcome.replaceAll('_', ' ')} ${count}`)
          .join(', '),
      ]
        .filter((part) => part !== '')
        .join('  '),
    ],
    [
      'compute',
      `${formatHours(budgets.compute_hours.spent)}` +
        (budgets.compute_hours.budget === null ? '' : ` of ${formatHours(budgets.compute_hours.budget)}`) +
        over(budgets.compute_hours.exceeded),
    ],
    [
      'deadline',
      deadline.at === null
        ? ''
        : `${formatDay(deadline.at)}${deadline.passed ? '  PASSED' : ` (${formatDaysLeft(deadline.days_left ?? 0)})`}`,
    ],
    ['stalled', s.stalled ? `YES: ${s.stall_reasons.join(' ')}` : 'no'],
  ]);
  if (!s.stalled) return lines;
  return [...lines, 'what to try next:', ...s.suggestions.map((suggestion) => `  - ${suggestion}`)];
}

/** `alert: churn v3 (production) live 0.71 [0.66, 0.76] over 412 labels, below offline 0.85 [0.83, 0.87]` */
function alertLine(a: ModelAlert): string {
  const aliases = a.aliases.length === 0 ? '' : ` (${a.aliases.join(', ')})`;
  const offline =
    a.offline === null
      ? ''
      : `, below offline ${formatNumber(a.offline.mean, 3)} ${intervalText(a.offline.ci)}`;
  return `alert: ${a.model} v${a.version}${aliases} live ${accuracyText(a)} over ${a.labelled} labels${offline}`;
}

function noiseReportLines(r: NoiseReport, numbers: ReadonlyMap<string, number>): string[] {
  const baseline = r.baseline_trial_id;
  const sd = (v: { sd: number; ci: [number, number]; df: number }) =>
    `sd ${formatNumber(v.sd)}` +
    (Number.isFinite(v.df) && v.df > 0
      ? ` (95% CI ${formatNumber(Math.sqrt(v.ci[0]))}–${formatNumber(Math.sqrt(v.ci[1]))}, df ${formatNumber(v.df, 3)})`
      : '');
  const split = r.split;
  return [
    ...fields([
      [
        'baseline',
        baseline === null ? 'none' : numbers.has(baseline) ? `#${numbers.get(baseline)}` : baseline,
      ],
      ['metric', r.metric ?? 'none'],
      ['values', r.values.map((v) => formatNumber(v)).join(', ')],
    ]),
    ...noiseLines(r.floor),
    ...(split
      ? fields([
          ['training noise', `${sd(split.training)} over ${split.runs} seeds`],
          [
            'evaluation set',
            `${sd(split.evaluation)} on ${split.evaluation.eval_set_size} examples ` +
              `(${split.evaluation.method === 'per_example' ? 'from per-example results' : 'binomial bound'}): ` +
              `${Math.round(100 * split.evaluation_share)}% of one run's variance`,
          ],
        ])
      : []),
    ...(r.by_source
      ? [
          'by source of randomness:',
          ...r.by_source.sources.map(
            (s) => `  ${s.source.padEnd(16)} ${sd(s)}, ${s.runs} runs in ${s.groups} groups`,
          ),
          ...(r.by_source.repeats
            ? [`  ${'repeats'.padEnd(16)} ${sd(r.by_source.repeats)} (nondeterminism)`]
            : []),
          ...r.by_source.notes.map((note) => `  · ${note}`),
        ]
      : []),
    ...(r.aa
      ? [
          `A/A                ${r.aa.false_alarms} of ${r.aa.splits} splits into halves looked different; ` +
            `largest chance difference ${formatNumber(r.aa.largest_difference)}`,
        ]
      : []),
    ...(split?.notes ?? []).map((note) => `  · ${note}`),
    ...r.notes.map((note) => `  · ${note}`),
  ];
}
