import { type Command, Option } from 'commander';
import { formatDate, formatNumber } from '../../core/format.js';
import type { ErrorAnalysis, QualityReport } from '../../sdk/index.js';
import { accuracyText, intervalText } from '../accuracy-text.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { errorLines } from '../error-lines.js';
import { integerOption } from '../option-parsers.js';
import { show, table } from '../output.js';
import { withClient } from '../target.js';
import { registerModelAliases } from './model-aliases.js';

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
    show({ json: analysis, text: () => modelErrorLines(analysis) }, o);
  });
}

function qualityLines(report: QualityReport, withBuckets: boolean): string[] {
  if (report.versions.length === 0) return [`${report.model}: no predictions logged`];
  const rows = report.versions.map((v) => [
    v.version,
    v.aliases.join(','),
    v.labelled,
    accuracyText(v),
    v.offline === null
      ? 'none'
      : `${v.offline.metric} ${formatNumber(v.offline.mean, 3)} ${intervalText(v.offline.ci)} (${v.offline.runs} runs)`,
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

function modelErrorLines(e: ErrorAnalysis): string[] {
  return errorLines(
    [['model', e.version === null ? `${e.model} (every version)` : `${e.model}/${e.version}`]],
    e,
    {
      title: 'PREDICTION',
      rows: e.confident_wrong.map((p) => ({ ...p, label: p.feedback?.label })),
    },
  );
}
