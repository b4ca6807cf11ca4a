import type { Command } from 'commander';
import { describeChange } from '../../core/change-set.js';
import { formatDelta, formatNumber, formatSigned } from '../../core/format.js';
import type { Change, ChangeKind } from '../../core/trial.js';
import { describeCodeDifference } from '../../runner/diff/code-version.js';
import { changesOfKind, isSameConfig } from '../../runner/diff/config-differences.js';
import { loadDiffSubject } from '../../runner/diff/diff-subject.js';
import { diffSubjects, type SubjectsDiff } from '../../runner/diff/diff-subjects.js';
import type { MetricDelta, MetricDifference, MetricSide } from '../../runner/diff/metric-difference.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { show, table } from '../output.js';
import { trialRef } from '../refs.js';
import { withClient } from '../target.js';

const GROUPS: [ChangeKind, string][] = [
  ['param', 'params'],
  ['feature', 'features'],
  ['data', 'data'],
  ['environment', 'environment'],
];

export function registerDiff(program: Command): void {
  clientOptions(
    program
      .command('diff <a> <b>')
      .description(
        'what differs between two runs or two trials (run ids, trial ids or project#N): params, features, ' +
          'code, data and environment — only what differs — then the metrics with B − A',
      ),
  ).action(async (refA: string, refB: string, o: ClientOptions) => {
    const diff = await withClient(o, async (client) => {
      const a = await loadDiffSubject(client, await trialRef(client, refA));
      const b = await loadDiffSubject(client, await trialRef(client, refB));
      return diffSubjects(client, a, b);
    });
    show({ json: diff, text: () => diffLines(diff) }, o);
  });
}

function diffLines(diff: SubjectsDiff): string[] {
  const configuration = isSameConfig(diff)
    ? ['no differences in configuration']
    : [
        ...GROUPS.flatMap(([kind, heading]) => group(heading, changesOfKind(diff, kind).map(describeShort))),
        ...group('code', diff.code ? describeCodeDifference(diff.code) : []),
      ];
  return [
    `A  ${diff.a.label}`,
    `B  ${diff.b.label}`,
    '',
    ...configuration,
    '',
    diff.metrics.length === 0 ? 'no metrics on either side' : metricsTable(diff.metrics),
  ];
}

function group(heading: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [heading, ...lines.map((line) => `  ${line}`)];
}

/** A change with content hashes cut to 12 hex digits: enough to tell them apart on a terminal. */
function describeShort(change: Change): string {
  return describeChange({ ...change, from: shortHash(change.from), to: shortHash(change.to) });
}

function shortHash(value: string | null): string | null {
  return value?.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…') ?? null;
}

function metricsTable(metrics: MetricDifference[]): string {
  return table(
    ['METRIC', 'A', 'B', 'Δ (B − A)', 'p'],
    metrics.map((m) => [
      m.key,
      side(m.a),
      side(m.b),
      delta(m.delta),
      m.delta?.p_value == null ? '' : formatNumber(m.delta.p_value),
    ]),
  );
}

/** Δ, with its 95% interval when the two trials were compared. */
function delta(value: MetricDelta | null): string {
  if (value === null) return '';
  const { estimate, ci } = value;
  return ci === null ? formatSigned(estimate) : formatDelta({ estimate, ci });
}

/** A run's value, or a trial's mean ± the half-width of its 95% interval. */
function side(value: MetricSide | null): string {
  if (value === null) return '—';
  if (value.ci === null) return formatNumber(value.mean);
  return `${formatNumber(value.mean)} ± ${formatNumber((value.ci[1] - value.ci[0]) / 2, 2)}`;
}
