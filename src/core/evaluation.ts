import { invalidParameter } from './errors.js';
import { canonicalJson, isJsonValue } from './json-value.js';
import { LIMITS } from './limits.js';
import type { JsonValue } from './prediction.js';

/**
 * The run artifact holding an evaluation run's per-example predictions, one canonical JSON object per line
 * (`{"id", "input"?, "label", "output", "score"?}`, sorted by id). A convention: the SDK's
 * `run.logEvaluation` writes it, and a script in any language may write the same file.
 */
export const EVALUATION_ARTIFACT = 'ratchet/evaluation/predictions.jsonl';

/** Error analysis reads the whole file in one request: bigger evaluations are refused, not read. */
export const MAX_EVALUATION_ROWS = 100_000;
export const MAX_EVALUATION_BYTES = 50_000_000;

/** One evaluation example: what the model answered (`output`) and the right answer (`label`). */
export interface EvaluationRow {
  id: string;
  input?: JsonValue;
  output: JsonValue;
  label: JsonValue;
  /** The model's confidence in `output`. */
  score?: number;
}

/** Checks rows a caller logs or a file holds: ids (example ids, so unique) and JSON values. */
export function checkEvaluationRows(rows: readonly unknown[]): EvaluationRow[] {
  if (rows.length === 0) throw invalidParameter('An evaluation needs at least one row.');
  if (rows.length > MAX_EVALUATION_ROWS) {
    throw invalidParameter(`An evaluation may have at most ${MAX_EVALUATION_ROWS} rows, got ${rows.length}.`);
  }
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const where = `Evaluation row ${i + 1}`;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw invalidParameter(`${where} must be an object {id, input?, output, label, score?}.`);
    }
    const { id, input, output, label, score } = row as Record<string, unknown>;
    if (typeof id !== 'string' || id === '' || id.length > LIMITS.keyLength) {
      throw invalidParameter(`${where}: 'id' must be a string of 1 to ${LIMITS.keyLength} characters.`);
    }
    if (seen.has(id)) throw invalidParameter(`${where}: id '${id}' appears twice; ids must be unique.`);
    seen.add(id);
    for (const [field, value] of [
      ['output', output],
      ['label', label],
    ] as const) {
      if (value === undefined || !isJsonValue(value)) {
        throw invalidParameter(`${where} (id '${id}'): '${field}' must be a JSON value.`);
      }
    }
    if (input !== undefined && !isJsonValue(input)) {
      throw invalidParameter(`${where} (id '${id}'): 'input' must be a JSON value.`);
    }
    if (score !== undefined && !(typeof score === 'number' && Number.isFinite(score))) {
      throw invalidParameter(`${where} (id '${id}'): 'score' must be a finite number.`);
    }
    return {
      id,
      ...(input === undefined ? {} : { input: input as JsonValue }),
      output: output as JsonValue,
      label: label as JsonValue,
      ...(score === undefined ? {} : { score: score as number }),
    };
  });
}

/** The artifact's text: one canonical JSON object per line, sorted by id, so equal evaluations are equal files. */
export function evaluationJsonl(rows: readonly EvaluationRow[]): string {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.map((row) => `${canonicalJson(row as unknown as JsonValue)}\n`).join('');
}

/** Reads the artifact's text back into checked rows; a line that is not JSON is named by its number. */
export function parseEvaluationJsonl(text: string): EvaluationRow[] {
  const lines = text.split('\n');
  const rows: unknown[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    if (rows.length === MAX_EVALUATION_ROWS) {
      throw invalidParameter(
        `The evaluation has over ${MAX_EVALUATION_ROWS} rows; error analysis reads at most ${MAX_EVALUATION_ROWS}.`,
      );
    }
    try {
      rows.push(JSON.parse(line));
    } catch {
      throw invalidParameter(`Line ${i + 1} of ${EVALUATION_ARTIFACT} is not JSON.`);
    }
  }
  return checkEvaluationRows(rows);
}
