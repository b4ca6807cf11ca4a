import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { MAX_PREDICTION_BATCH } from '../../core/prediction.js';
import { collectFeedback, writeFeedback } from '../../runner/retrain/feedback-export.js';
import type { FeedbackItem, Ratchet } from '../../sdk/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { type FeedbackLine, readFeedbackFile } from '../feedback-file.js';
import { labelFromText } from '../label-text.js';
import { show, table } from '../output.js';
import { withClient } from '../target.js';
import { predictionLines } from './predictions.js';

interface AddOptions extends ClientOptions {
  comment?: string;
  author?: string;
  replace?: boolean;
}

/** What became of one line of an uploaded file. */
interface LineResult {
  line: number;
  id: string | null;
  ok: boolean;
  code?: string;
  message?: string;
}

export function registerFeedback(program: Command): void {
  const feedback = program
    .command('feedback')
    .description('the right answers for logged predictions, one at a time or from a file');

  clientOptions(
    feedback
      .command('add <id> <label>')
      .description(
        "label a prediction (read as the prediction's output type: text, number, true/false or JSON)",
      )
      .option('--comment <text>', 'why, or what the model missed')
      .option('--author <name>', 'who says so')
      .option('--replace', 'replace the label it already has'),
  ).action(async (id: string, text: string, o: AddOptions) => {
    const prediction = await withClient(o, async (client) => {
      const label = labelFromText(text, (await client.predictions.get(id)).output);
      return client.predictions.feedback(id, label, {
        ...(o.comment === undefined ? {} : { comment: o.comment }),
        ...(o.author === undefined ? {} : { author: o.author }),
        ...(o.replace ? { replace: true } : {}),
      });
    });
    show({ json: prediction, text: () => predictionLines([prediction]) }, o);
  });

  clientOptions(
    feedback
      .command('upload <file>')
      .description(
        'labels from a .csv (header: id,label[,comment,author]; a label is JSON when it parses, else text) ' +
          'or .jsonl file ({"id","label","comment"?,"author"?} per line); prints each line\'s result and ' +
          'exits non-zero if any failed',
      )
      .option('--replace', 'replace labels predictions already have'),
  ).action(async (file: string, o: ClientOptions & { replace?: boolean }) => {
    const lines = readFeedbackFile(file, readFileSync(file, 'utf8'));
    const results = await withClient(o, (client) => upload(client, lines, o.replace === true));
    const failed = results.filter((r) => !r.ok).length;
    show(
      {
        json: results,
        text: () => [
          table(
            ['LINE', 'PREDICTION', 'RESULT'],
            results.map((r) => [r.line, r.id, r.ok ? 'ok' : `${r.code}: ${r.message}`]),
          ),
          `${results.length - failed} labelled, ${failed} failed`,
        ],
      },
      o,
    );
    if (failed > 0) process.exitCode = 1;
  });

  clientOptions(
    feedback
      .command('export <model>')
      .description(
        "the model's labelled predictions (every version) as a dataset version: JSON lines {id, input, output, " +
          'label} sorted by id, named by their SHA-256, so the same labels give the same file',
      )
      .option('--out <dir>', 'where to write it', 'feedback'),
  ).action(async (model: string, o: ClientOptions & { out: string }) => {
    const exported = await withClient(o, async (client) =>
      writeFeedback(await collectFeedback(client, model), model, resolve(o.out)),
    );
    show(
      {
        json: exported,
        text: () => [
          `${exported.path}  ${exported.rows} labelled predictions  sha256 ${exported.sha256}`,
          `train on it: ratchet run --data feedback=${exported.path} -- …  (or \`ratchet retrain ${model}\`)`,
        ],
      },
      o,
    );
  });
}

/** Sends the good lines in batches; the bad ones are reported without being sent. */
async function upload(client: Ratchet, lines: FeedbackLine[], replace: boolean): Promise<LineResult[]> {
  const results: LineResult[] = [];
  const sendable = lines.filter((l): l is { line: number; item: FeedbackItem } => 'item' in l);
  for (let start = 0; start < sendable.length; start += MAX_PREDICTION_BATCH) {
    const batch = sendable.slice(start, start + MAX_PREDICTION_BATCH);
    const outcomes = await client.predictions.feedbackMany(
      batch.map((l) => l.item),
      replace ? { replace } : {},
    );
    for (const [i, outcome] of outcomes.entries()) {
      const { line } = batch[i]!;
      results.push(
        outcome.ok
          ? { line, id: outcome.id, ok: true }
          : { line, id: outcome.id, ok: false, code: outcome.code, message: outcome.message },
      );
    }
  }
  for (const l of lines) {
    if ('error' in l) results.push({ line: l.line, id: null, ok: false, code: 'invalid', message: l.error });
  }
  return results.sort((a, b) => a.line - b.line);
}
