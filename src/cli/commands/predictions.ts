import type { Command } from 'commander';
import { formatDate, formatNumber } from '../../core/format.js';
import type { Prediction } from '../../sdk/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { integerOption } from '../option-parsers.js';
import { show, table } from '../output.js';
import { withClient } from '../target.js';

interface PredictionsOptions extends ClientOptions {
  model?: string;
  wrong?: boolean;
  unlabelled?: boolean;
  limit: number;
}

export function registerPredictions(program: Command): void {
  clientOptions(
    program
      .command('predictions')
      .description('logged predictions, newest first, with the labels people gave them')
      .option('--model <model>', 'name, name@alias or name/version')
      .option('--wrong', 'only labelled predictions whose label differs from the output')
      .option('--unlabelled', 'only predictions nobody has labelled yet')
      .option('--limit <n>', 'how many', integerOption('--limit', 1, 1000), 50),
  ).action(async (o: PredictionsOptions) => {
    const page = await withClient(o, (client) =>
      client.predictions.list({
        limit: o.limit,
        ...(o.model === undefined ? {} : { model: o.model }),
        ...(o.wrong ? { wrong: true } : {}),
        ...(o.unlabelled ? { labelled: false } : {}),
      }),
    );
    show(
      {
        json: page,
        text: () => [
          ...predictionLines(page.predictions),
          `${page.predictions.length} of ${page.total} predictions`,
        ],
      },
      o,
    );
  });
}

/** JSON values are shown as JSON, cut short: a prediction's input may be large. */
export function jsonText(value: unknown, max = 40): string {
  const text = JSON.stringify(value) ?? '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function predictionLines(predictions: readonly Prediction[]): string[] {
  if (predictions.length === 0) return [];
  return [
    table(
      ['PREDICTION', 'MODEL', 'TIME', 'OUTPUT', 'SCORE', 'LABEL', 'INPUT'],
      predictions.map((p) => [
        p.id,
        `${p.model_name}/${p.model_version}`,
        formatDate(p.time),
        jsonText(p.output, 20),
        p.score === null ? '' : formatNumber(p.score, 3),
        p.feedback === null ? '' : jsonText(p.feedback.label, 20),
        jsonText(p.input),
      ]),
    ),
  ];
}
