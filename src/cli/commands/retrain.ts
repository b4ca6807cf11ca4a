import { join } from 'node:path';
import type { Command } from 'commander';
import { invalidParameter } from '../../core/errors.js';
import { collectFeedback, type FeedbackExport, writeFeedback } from '../../runner/retrain/feedback-export.js';
import { findProduction, type Production, prepareRetrain } from '../../runner/retrain/prepare-retrain.js';
import { settleRetrain } from '../../runner/retrain/settle-retrain.js';
import { createTrial } from '../../runner/trials/new-trial.js';
import { clientOptions } from '../client-options.js';
import { type ConfigRunOptions, judgedTrial, withConfigRunner } from '../config-runner.js';
import { exitCodeOf } from '../execute-plans.js';
import { integerOption } from '../option-parsers.js';
import { show } from '../output.js';
import { trialNumbers } from '../trial-numbers.js';
import { trialRunJson, trialRunLines } from '../trial-run-lines.js';

interface RetrainOptions extends ConfigRunOptions {
  alias: string;
  dataName: string;
  out?: string;
  minNewLabels?: number;
  force?: boolean;
  reason?: string;
  artifactPath?: string;
  allowMultiple?: boolean;
}

export function registerRetrain(program: Command): void {
  clientOptions(
    program
      .command('retrain <model>')
      .description(
        "retrain on the model's labelled predictions: exports them as a new data version, runs the config's " +
          'command as a trial of the production trial with that data, and moves the alias only if it improved',
      )
      .option('--alias <alias>', 'the alias that serves the model, moved on improvement', 'production')
      .option('--data-name <name>', 'the data set name the runs get the feedback under', 'feedback')
      .option('--out <dir>', 'where exported feedback versions go (default: feedback/ beside ratchet.json)')
      .option(
        '--min-new-labels <k>',
        'do nothing unless at least k labels were given since the served version was registered',
        integerOption('--min-new-labels', 1, 1_000_000_000),
      )
      .option('--force', 'move the alias whatever the verdict (needs --reason, kept in the history)')
      .option('--reason <text>', 'why the alias is forced')
      .option(
        '--artifact-path <path>',
        "where a run keeps its model, when the served version's source does not say",
      )
      .option('--allow-multiple', 'retrain even when code or other data changed since the production trial')
      .option(
        '--seeds <n>',
        'this many seeds (default: the config’s seeds)',
        integerOption('--seeds', 1, 10_000),
      )
      .option('--parallel <k>', 'runs at once', integerOption('--parallel', 1, 1_024))
      .option('--quiet', 'do not echo the children’s output (it is still stored with each run)'),
  ).action(async (model: string, o: RetrainOptions) => {
    if (o.force === true && (o.reason === undefined || o.reason.trim() === '')) {
      throw invalidParameter('--force needs --reason: a forced move is kept in the history with its reason.');
    }
    let production: Production | undefined;
    let exported: FeedbackExport | undefined;
    let skipped: string | undefined;
    const done = await withConfigRunner(
      o,
      async ({ client, config, capture, run }) => {
        if (skipped !== undefined || production === undefined || exported === undefined) return undefined;
        const request = {
          dataName: o.dataName,
          labels: exported.rows,
          sha256: exported.sha256,
          allowMultiple: o.allowMultiple ?? false,
          ...(o.seeds === undefined ? {} : { seeds: o.seeds }),
        };
        const { arm } = await createTrial(client, prepareRetrain(production, config, request, capture));
        const outcomes = await run([arm]);
        const trial = await judgedTrial(client, arm.trial.id);
        const decision = await settleRetrain(client, production, trial, arm.trial.label, {
          ...(o.force ? { forceReason: o.reason! } : {}),
          ...(o.artifactPath === undefined ? {} : { artifactPath: o.artifactPath }),
        });
        return {
          label: arm.trial.label,
          outcomes,
          trial,
          decision,
          numbers: await trialNumbers(client, arm.projectId),
        };
      },
      async (client, config) => {
        production = await findProduction(client, config, model, o.alias);
        const rows = await collectFeedback(client, model);
        const since = production.version.creation_time;
        const fresh = [...rows.values()].filter((row) => row.labelTime > since).length;
        if (o.minNewLabels !== undefined && fresh < o.minNewLabels) {
          skipped = `${fresh} label(s) since ${model}@${o.alias} (version ${production.version.version}) was registered; retraining waits for ${o.minNewLabels}.`;
          return [];
        }
        if (rows.size === 0) throw invalidParameter(`${model} has no labelled predictions to retrain on.`);
        exported = await writeFeedback(rows, model, o.out ?? join(config.dir, 'feedback'));
        process.stderr.write(`exported ${exported.rows} labels (${fresh} new) → ${exported.path}\n`);
        return [{ name: o.dataName, path: exported.path }];
      },
    );
    if (done === undefined) {
      show({ json: { skipped }, text: () => [`nothing to do: ${skipped}`] }, o);
      return;
    }
    show(
      {
        json: { export: exported, ...trialRunJson(done.trial, done.outcomes), decision: done.decision },
        text: () => trialRunLines(done.label, done.trial, done.outcomes, done.numbers, done.decision.why),
      },
      o,
    );
    process.exitCode = exitCodeOf(done.outcomes);
  });
}
