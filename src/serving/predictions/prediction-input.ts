import { invalidParameter, RatchetError } from '../../core/errors.js';
import { isJsonValue } from '../../core/json-value.js';
import { MAX_PREDICTION_BATCH, type NewPrediction, type PredictionSettings } from '../../core/prediction.js';
import { validateInteger, validateStringValue } from '../../core/validation.js';

export const PREDICTION_ID_MAX_LENGTH = 256;
export const FEEDBACK_TEXT_MAX_LENGTH = 5000;

export function checkBatchSize(count: number, what: string): void {
  if (count > MAX_PREDICTION_BATCH) {
    throw new RatchetError(
      'REQUEST_LIMIT_EXCEEDED',
      `A batch may carry at most ${MAX_PREDICTION_BATCH} ${what}, got ${count}.`,
    );
  }
}

/** Refuses an item the log cannot keep, naming it by its position in the batch. */
export function checkNewPrediction(item: NewPrediction, index: number): void {
  const where = (field: string) => `predictions[${index}].${field}`;
  if (item.id !== undefined) {
    validateStringValue(item.id, where('id'), PREDICTION_ID_MAX_LENGTH);
    if (item.id === '') throw invalidParameter(`'${where('id')}' must not be empty.`);
  }
  validateStringValue(item.model, where('model'), 1000);
  for (const field of ['input', 'output'] as const) {
    if (!isJsonValue(item[field])) throw invalidParameter(`'${where(field)}' must be a JSON value.`);
  }
  if (item.score !== undefined && (typeof item.score !== 'number' || !Number.isFinite(item.score))) {
    throw invalidParameter(`'${where('score')}' must be a finite number.`);
  }
  if (item.time !== undefined) validateInteger(item.time, where('time'), { min: 0 });
}

export function checkSettings(settings: PredictionSettings): void {
  const { sampleRate, retention } = settings;
  if (typeof sampleRate !== 'number' || !(sampleRate > 0 && sampleRate <= 1)) {
    throw invalidParameter(`'sample_rate' must be a number in (0, 1], got ${JSON.stringify(sampleRate)}.`);
  }
  if (retention !== null) validateInteger(retention, 'retention', { min: 1 });
}

export function checkFeedbackText(value: string | undefined, where: string): string | null {
  return value === undefined ? null : validateStringValue(value, where, FEEDBACK_TEXT_MAX_LENGTH);
}
