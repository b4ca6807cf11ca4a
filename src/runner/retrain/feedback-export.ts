import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonValue, Ratchet } from '../../sdk/index.js';

/** The list route's largest page. */
const PAGE = 1000;

/** A labelled prediction as training data: what the model saw, what it said, and the right answer. */
export interface FeedbackRow {
  id: string;
  input: JsonValue;
  output: JsonValue;
  label: JsonValue;
}

/** A model's labelled predictions, each with when its label was given. */
export type LabelledRows = Map<string, FeedbackRow & { labelTime: number }>;

/** Every labelled prediction of `model`, all its versions, read page by page. */
export async function collectFeedback(client: Ratchet, model: string): Promise<LabelledRows> {
  const rows: LabelledRows = new Map();
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.predictions.list({ model, labelled: true, limit: PAGE, offset });
    for (const p of page.predictions) {
      if (p.feedback === null) continue;
      rows.set(p.id, {
        id: p.id,
        input: p.input,
        output: p.output,
        label: p.feedback.label,
        labelTime: p.feedback.time,
      });
    }
    if (page.predictions.length < PAGE) break;
  }
  return rows;
}

/** A dataset version of a model's feedback: a file named by its content's hash, so equal labels give the same file. */
export interface FeedbackExport {
  path: string;
  /** SHA-256 of the file's bytes. */
  sha256: string;
  rows: number;
}

/**
 * Writes the rows as JSON lines sorted by id to `<dir>/<model>-<hash>.jsonl`. Writing the same labels again
 * gives the same file; a new or changed label, a new one.
 */
export async function writeFeedback(rows: LabelledRows, model: string, dir: string): Promise<FeedbackExport> {
  const text = [...rows.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, input, output, label }) => `${JSON.stringify({ id, input, output, label })}\n`)
    .join('');
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${fileSafe(model)}-${sha256.slice(0, 12)}.jsonl`);
  // Written aside and renamed, so a file of that name is always whole.
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, text);
  await rename(partial, path);
  return { path, sha256, rows: rows.size };
}

function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}
