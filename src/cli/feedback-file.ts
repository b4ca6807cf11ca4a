import { extname } from 'node:path';
import type { FeedbackItem } from '../sdk/index.js';
import { parseCsv } from './csv.js';
import { labelFromText } from './label-text.js';

/** One line of a feedback file: the item it carries, or why it carries none. */
export type FeedbackLine = { line: number; item: FeedbackItem } | { line: number; error: string };

/**
 * A feedback file: `.csv` with a header naming `id` and `label` (and optionally `comment`, `author`), or JSON
 * lines (`.jsonl`, `.ndjson`) of `{"id", "label", "comment"?, "author"?}`. A bad line is reported, not fatal.
 */
export function readFeedbackFile(path: string, text: string): FeedbackLine[] {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return csvLines(text);
  if (ext === '.jsonl' || ext === '.ndjson') return jsonLines(text);
  throw new Error(`${path}: expected a .csv or .jsonl file`);
}

const CSV_COLUMNS = ['id', 'label', 'comment', 'author'] as const;

function csvLines(text: string): FeedbackLine[] {
  const [header, ...rows] = parseCsv(text);
  const names = header?.cells.map((name) => name.trim().toLowerCase()) ?? [];
  const unknown = names.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (!names.includes('id') || !names.includes('label') || unknown.length > 0) {
    throw new Error(`the CSV header must name id and label, and may name comment and author (got: ${names})`);
  }
  const at = (cells: string[], name: string) => cells[names.indexOf(name)];
  return rows.map(({ line, cells }) => {
    const id = at(cells, 'id')?.trim() ?? '';
    const label = at(cells, 'label');
    if (cells.length !== names.length) {
      return { line, error: `expected ${names.length} fields, got ${cells.length}` };
    }
    if (id === '' || label === undefined || label === '') return { line, error: 'id and label are required' };
    return {
      line,
      item: optional({ id, label: labelFromText(label) }, at(cells, 'comment'), at(cells, 'author')),
    };
  });
}

function jsonLines(text: string): FeedbackLine[] {
  const lines: FeedbackLine[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '') continue;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      lines.push({ line, error: `not JSON: ${(error as Error).message}` });
      continue;
    }
    const { id, label, comment, author } = (value ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || id === '' || label === undefined) {
      lines.push({ line, error: 'expected {"id": "…", "label": …}' });
    } else if (!isOptionalString(comment) || !isOptionalString(author)) {
      lines.push({ line, error: 'comment and author must be strings' });
    } else
      lines.push({ line, item: optional({ id, label: label as FeedbackItem['label'] }, comment, author) });
  }
  return lines;
}

function optional(item: FeedbackItem, comment: string | undefined, author: string | undefined): FeedbackItem {
  return {
    ...item,
    ...(comment === undefined || comment === '' ? {} : { comment }),
    ...(author === undefined || author === '' ? {} : { author }),
  };
}

const isOptionalString = (value: unknown): value is string | undefined =>
  value === undefined || typeof value === 'string';
