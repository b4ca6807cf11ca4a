import { DIDNT_WORK } from '../../../core/trial-outcome.js';
import type { NotebookOutcome } from '../../../core/trial-rules.js';
import {
  formatChanges,
  formatDate,
  formatDelta,
  formatFlags,
  formatForced,
  formatNumber,
  formatOutcome,
  formatSeeds,
} from './format.js';
import { progressChartSvg } from './progress-chart.js';
import type { ReportData } from './report-data.js';

/** A report as plain blocks; Markdown and HTML each serialise them (and escape the text) their own way. */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][] }
  | { kind: 'chart'; svg: string };

export function reportDocument(data: ReportData): Block[] {
  const { project, settings } = data;
  const metric = project.primaryMetric ?? '(no primary metric)';
  return [
    { kind: 'title', text: `${project.name} — experiment report` },
    {
      kind: 'paragraph',
      text:
        `Primary metric ${metric} (${project.direction ?? 'no direction'})` +
        (settings.minEffect === null ? '' : ` · minimum effect ${formatNumber(settings.minEffect)}`) +
        ` · ${data.entries.length} trial(s) · generated ${formatDate(data.generatedTime)} UTC`,
    },
    ...baselineSection(data),
    ...statusSection(data),
    { kind: 'heading', text: 'Progress' },
    { kind: 'chart', svg: progressChartSvg(data) },
    ...historySection(data),
    ...notebookSection(data),
    ...didntWorkSection(data),
  ];
}

function baselineSection(data: ReportData): Block[] {
  const current = data.history[0];
  const trial = current && data.entries.find((e) => e.trial.id === current.trialId)?.trial;
  if (!current || !trial) {
    return [
      { kind: 'heading', text: 'Baseline' },
      { kind: 'paragraph', text: 'No baseline yet. A simple heuristic is a fine first one.' },
    ];
  }
  const mean = data.means.get(trial.id);
  const blocks: Block[] = [
    { kind: 'heading', text: 'Baseline' },
    {
      kind: 'paragraph',
      text:
        `#${trial.number} ${trial.hypothesis} — baseline since ${formatDate(current.promotedTime)}` +
        (mean === undefined ? '' : `; mean ${data.project.primaryMetric} ${formatNumber(mean)}`) +
        '.',
    },
  ];
  const { floor, aa, split, bySource, notes } = data.noise;
  const noise: string[] = [];
  if (floor) {
    noise.push(
      `sd across ${floor.seeds} seeds: ${formatNumber(floor.sd)}`,
      `smallest difference the seeds' noise alone lets ${floor.seeds} seeds per arm detect (80% power): ${formatNumber(floor.detectableEffect)}`,
    );
    if (floor.evalSetStandardError !== null) {
      noise.push(
        `evaluation-set standard error: ${formatNumber(floor.evalSetStandardError)} (${floor.evalSetSize} examples)`,
      );
    }
  }
  if (split) {
    noise.push(
      `training noise (the seeds' spread): sd ${formatNumber(split.training.sd)}; evaluation set ` +
        `(${split.evaluation.method === 'per_example' ? 'from per-example results' : 'binomial bound'}): ` +
        `sd ${formatNumber(split.evaluation.sd)} on ${split.evaluation.evalSetSize} examples, ` +
        `${Math.round(100 * split.evaluationShare)}% of one run's variance`,
    );
  }
  for (const source of bySource?.sources ?? []) {
    noise.push(
      `training noise from ${source.source}: sd ${formatNumber(source.sd)} (${source.runs} runs, df ${source.df})`,
    );
  }
  if (aa) {
    noise.push(
      `A/A: ${aa.falseAlarms} of ${aa.splits} splits of the baseline's seeds looked different; ` +
        `largest chance difference ${formatNumber(aa.largestDifference)}`,
    );
  }
  blocks.push({ kind: 'paragraph', text: 'Noise floor:' }, { kind: 'list', items: [...noise, ...notes] });
  return blocks;
}

function statusSection(data: ReportData): Block[] {
  const { budgets, stall, trials } = data.status;
  const budget = (spent: number, limit: number | null, unit: string) =>
    `${formatNumber(spent, 3)}${unit}${limit === null ? '' : ` of ${formatNumber(limit)}${unit} budget`}`;
  const items = [
    `Trials: ${budget(trials.total, budgets.trials.budget, '')}${budgets.trials.exceeded ? ' — over budget' : ''}`,
    `Compute: ${budget(budgets.computeHours.spent, budgets.computeHours.budget, ' h')}${
      budgets.computeHours.exceeded ? ' — over budget' : ''
    }`,
  ];
  if (budgets.deadline.at !== null) {
    items.push(
      `Deadline: ${formatDate(budgets.deadline.at)}${
        budgets.deadline.passed ? ' — passed' : ` (${formatNumber(budgets.deadline.daysLeft, 2)} days left)`
      }`,
    );
  }
  items.push(stall.stalled ? `STALLED: ${stall.reasons.join(' ')}` : 'Not stalled.');
  const blocks: Block[] = [
    { kind: 'heading', text: 'Status' },
    { kind: 'list', items },
  ];
  if (stall.stalled) {
    blocks.push({ kind: 'paragraph', text: 'What to try next:' }, { kind: 'list', items: stall.suggestions });
  }
  return blocks;
}

function historySection(data: ReportData): Block[] {
  const numberOf = (id: string | null) =>
    id === null ? '' : `#${data.entries.find((e) => e.trial.id === id)?.trial.number ?? '?'}`;
  return [
    { kind: 'heading', text: 'Baseline history' },
    {
      kind: 'table',
      headers: ['promoted', 'trial', 'replaced', 'verdict', 'Δ [95% CI]', 'how'],
      rows: data.history.map((p) => [
        formatDate(p.promotedTime),
        numberOf(p.trialId),
        numberOf(p.previousTrialId),
        p.evaluation?.outcome ?? 'first baseline',
        formatDelta(p.evaluation),
        formatForced(p) || (p.automatic ? 'auto-promoted' : 'promoted'),
      ]),
    },
  ];
}

function notebookSection(data: ReportData): Block[] {
  return [
    { kind: 'heading', text: 'Lab notebook' },
    {
      kind: 'table',
      headers: ['#', 'hypothesis', 'changes', 'seeds', 'Δ vs baseline [95% CI]', 'verdict', 'notes'],
      rows: data.entries.map(({ trial, tally, isBaseline, promoted, promotion }) => [
        `#${trial.number}${isBaseline ? ' (baseline)' : ''}`,
        trial.hypothesis,
        formatChanges(trial),
        formatSeeds(tally),
        formatDelta(trial.evaluation),
        formatOutcome(trial.evaluation, promoted),
        [formatForced(promotion), formatFlags(trial), trial.notes, trial.evaluation?.notes.at(-1) ?? '']
          .filter((note) => note !== '')
          .join(' · '),
      ]),
    },
  ];
}

function didntWorkSection(data: ReportData): Block[] {
  const didntWork: readonly NotebookOutcome[] = DIDNT_WORK;
  const failed = data.entries.filter((e) => didntWork.includes(e.outcome));
  return [
    { kind: 'heading', text: "What didn't work" },
    failed.length === 0
      ? { kind: 'paragraph', text: 'Nothing recorded yet.' }
      : {
          kind: 'list',
          items: failed.map(
            ({ trial }) =>
              `#${trial.number} ${trial.hypothesis} — ${formatOutcome(trial.evaluation)}` +
              (trial.evaluation?.comparison ? ` (Δ ${formatDelta(trial.evaluation)})` : '') +
              ` — ${formatChanges(trial)}`,
          ),
        },
  ];
}
