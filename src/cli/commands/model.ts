import { type Command, Option } from 'commander';
import { formatDate, formatNumber } from '../../core/format.js';
import type { ErrorAnalysis, QualityReport } from '../../sdk/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { integerOption } from '../option-parsers.js';
import { fields, show, table } from '../output.js';
import { withClient } from '../target.js';
import { registerModelAliases } from './model-aliases.js';
import { jsonText } from './predictions.js';

interface QualityOptions extends ClientOptions {
  bucket?: 'hour' | 'day' | 'week';
  buckets?: boolean;
}

interface ErrorsOptions extends ClientOptions {
  version?: number;
  top?: number;
}

export function registerModel(program: Command): void {
  const model = program
    .command('model')
    .description("a registered model's live quality, its errors, and its aliases' moves");
  registerModelAliases(model);

  clientOptions(
    model
      .command('quality <name>')
      .description(
        'live accuracy of each version on labelled predictions (95% CI) against its offline evaluation; ' +
          'ALERT when live falls below the offline interval',
      )
      .addOption(new Option('--bucket <size>', 'time buckets').choices(['hour', 'day', 'week']))
      .option('--buckets', 'also list each time bucket'),
  ).action(async (name: string, o: QualityOptions) => {
    const report = await withClient(o, (client) =>
      client.predictions.quality(name, o.bucket ? { bucket: o.bucket } : {}),
    );
    show({ json: report, text: () => qualityLines(report, o.buckets === true) }, o);
  });

  clientOptions(
    model
      .command('errors <name>')
      .description('confusion matrix, the most confident wrong predictions and the worst input slices')
      .option('--version <n>', 'one version (default: all)', integerOption('--version', 1, 2 ** 31 - 1))
      .option('--top <n>', 'how many confident wrong predictions', integerOption('--top', 1, 1000)),
  ).action(async (name: string, o: ErrorsOptions) => {
    const analysis = await withClient(o, (client) =>
      client.predictions.errors(name, {
        ...(o.version === undefined ? {} : { version: o.version }),
        ...(o.top === undefined ? {} : { top: o.top }),
      }),
    );
    show({ json: analysis, text: () => errorLines(analysis) }, o);
  });
}

const interval = ([low, high]: readonly [number, number]) =>
  `[${formatNumber(low, 3)}, ${formatNumber(high, 3)}]`;

const accuracyText = (a: { labelled: number; accuracy: number; ci: [number, number] }) =>
  a.labelled === 0 ? 'no labels' : `${formatNumber(a.accuracy, 3)} ${interval(a.ci)}`;

function qualityLines(report: QualityReport, withBuckets: boolean): string[] {
  if (report.versions.length === 0) return [`${report.model}: no predictions logged`];
  const rows = report.versions.map((v) => [
    v.version,
    v.aliases.join(','),
    v.labelled,
    accuracyText(v),
    v.offline === null
      ? 'none'
      : `${v.offline.metric} ${formatNumber(v.offline.mean, 3)} ${interval(v.offline.ci)} (${v.offline.runs} runs)`,
    v.alert ? 'ALERT' : '',
  ]);
  const lines = [table(['VERSION', 'ALIASES', 'LABELLED', 'LIVE ACCURACY', 'OFFLINE', ''], rows)];
  if (!withBuckets) return lines;
  for (const v of report.versions) {
    lines.push(
      `version ${v.version}:`,
      ...v.buckets.map((b) => `  ${formatDate(b.start)}  ${b.labelled} labelled  ${accuracyText(b)}`),
    );
  }
  return lines;
}

function errorLines(e: ErrorAnalysis): string[] {
  const { classes, counts } = e.confusion;
  return [
    ...fields([
      ['model', e.version === null ? `${e.model} (every version)` : `${e.model}/${e.version}`],
      ['labelled', String(e.labelled)],
    ]),
    '',
    'confusion (rows: label, columns: output)',
    table(
      ['', ...classes],
      counts.map((row, i) => [classes[i]!, ...row]),
    ),
    '',
    'most confident wrong',
    e.confident_wrong.length === 0
      ? '  none'
      : table(
          ['PREDICTION', 'OUTPUT', 'LABEL', 'SCORE', 'INPUT'],
          e.confident_wrong.map((p) => [
            p.id,
            jsonText(p.output, 20),
            jsonText(p.feedback?.label, 20),
            p.score === null ? '' : formatNumber(p.score, 3),
            jsonText(p.input),
          ]),
        ),
    '',
    'worst slices',
    e.slices.length === 0
      ? '  none with enough labels'
      : table(
          ['FEATURE', 'VALUE', 'LABELLED', 'ACCURACY'],
          e.slices.map((s) => [s.feature, s.value, s.labelled, accuracyText(s)]),
        ),
  ];
}
