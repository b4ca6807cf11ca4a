import type { Command } from 'commander';
import { formatDate, formatDay, formatDaysLeft, formatHours, formatNumber } from '../../core/format.js';
import type { NoiseReport, ProjectStatus } from '../../sdk/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { fields, show } from '../output.js';
import { resolveProject } from '../refs.js';
import { withClient } from '../target.js';
import { noiseLines } from '../verdict-lines.js';

export function registerStatus(program: Command): void {
  clientOptions(
    program
      .command('status [project]')
      .description('spent against budgets and deadline, the baseline, and whether the project has stalled'),
  ).action(async (ref: string | undefined, o: ClientOptions) => {
    const status = await withClient(o, async (client) =>
      client.projects.status({ id: (await resolveProject(client, ref)).id }),
    );
    show({ json: status, text: () => statusLines(status) }, o);
  });

  clientOptions(
    program
      .command('noise [project]')
      .description("the project's noise floor: the baseline's seeds against each other (A/A)"),
  ).action(async (ref: string | undefined, o: ClientOptions) => {
    const noise = await withClient(o, async (client) =>
      client.projects.noise({ id: (await resolveProject(client, ref)).id }),
    );
    show({ json: noise, text: () => noiseReportLines(noise) }, o);
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

function noiseReportLines(r: NoiseReport): string[] {
  return [
    ...fields([
      ['baseline', r.baseline_trial_id ?? 'none'],
      ['metric', r.metric ?? 'none'],
      ['values', r.values.map((v) => formatNumber(v)).join(', ')],
    ]),
    ...noiseLines(r.floor),
    ...(r.aa
      ? [
          `A/A                ${r.aa.false_alarms} of ${r.aa.splits} splits into halves looked different; ` +
            `largest chance difference ${formatNumber(r.aa.largest_difference)}`,
        ]
      : []),
    ...r.notes.map((note) => `  · ${note}`),
  ];
}
