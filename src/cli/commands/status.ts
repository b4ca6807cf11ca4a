import type { Command } from 'commander';
import { noiseJson, statusJson } from '../../http/v1/trial-wire.js';
import type { NoiseReport } from '../../tracking/trials/noise-report.js';
import type { ProjectStatus } from '../../tracking/trials/project-status.js';
import { formatDate, formatNumber } from '../../tracking/trials/report/format.js';
import { type StoreOption, withServices } from '../context.js';
import { printJson } from '../output.js';
import { resolveProject } from '../project-ref.js';
import { noiseLines } from '../trial-output.js';

export function registerStatus(program: Command): void {
  program
    .command('status [project]')
    .description('spent against budgets and deadline, the baseline, and whether the project has stalled')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--json', 'machine-readable output')
    .action(async (projectRef: string | undefined, o: StoreOption & { json?: boolean }) => {
      const status = await withServices(o, async (s) =>
        s.record.status((await resolveProject(s, projectRef)).id),
      );
      if (o.json) return printJson(statusJson(status));
      process.stdout.write(`${statusLines(status).join('\n')}\n`);
    });

  program
    .command('noise [project]')
    .description("the project's noise floor: the baseline's seeds against each other (A/A)")
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--json', 'machine-readable output')
    .action(async (projectRef: string | undefined, o: StoreOption & { json?: boolean }) => {
      const noise = await withServices(o, async (s) =>
        s.record.noise((await resolveProject(s, projectRef)).id),
      );
      if (o.json) return printJson(noiseJson(noise));
      process.stdout.write(`${noiseReportLines(noise).join('\n')}\n`);
    });
}

function statusLines(s: ProjectStatus): string[] {
  const { budgets, stall } = s;
  const of = (budget: number | null, unit = '') =>
    budget === null ? '' : ` of ${formatNumber(budget)}${unit}`;
  const lines = [
    `project            ${s.project.name}  (${s.project.primaryMetric ?? 'no metric'}, ${s.project.direction ?? '?'})`,
    `baseline           ${s.baseline ? `#${s.baseline.number} since ${formatDate(s.baseline.since)}` : 'none yet'}`,
    `trials             ${s.trials.total}${of(budgets.trials.budget)}${budgets.trials.exceeded ? '  OVER BUDGET' : ''}  ` +
      Object.entries(s.trials.byOutcome)
        .map(([outcome, count]) => `${outcome} ${count}`)
        .join(', '),
    `compute            ${formatNumber(budgets.computeHours.spent, 3)} h${of(budgets.computeHours.budget, ' h')}` +
      (budgets.computeHours.exceeded ? '  OVER BUDGET' : ''),
  ];
  if (budgets.deadline.at !== null) {
    lines.push(
      `deadline           ${formatDate(budgets.deadline.at)}` +
        (budgets.deadline.passed ? '  PASSED' : ` (${formatNumber(budgets.deadline.daysLeft, 2)} days left)`),
    );
  }
  if (!stall.stalled) return [...lines, 'stalled            no'];
  return [
    ...lines,
    `stalled            YES: ${stall.reasons.join(' ')}`,
    'what to try next:',
    ...stall.suggestions.map((suggestion) => `  - ${suggestion}`),
  ];
}

function noiseReportLines(r: NoiseReport): string[] {
  const lines = [
    `baseline           ${r.baselineTrialId ?? 'none'}`,
    `metric             ${r.metric ?? 'none'}`,
    `values             ${r.values.map((v) => formatNumber(v)).join(', ')}`,
    ...noiseLines(r.floor),
  ];
  if (r.aa) {
    lines.push(
      `A/A                ${r.aa.falseAlarms} of ${r.aa.splits} splits into halves looked different; ` +
        `largest chance difference ${formatNumber(r.aa.largestDifference)}`,
    );
  }
  return [...lines, ...r.notes.map((note) => `  · ${note}`)];
}
