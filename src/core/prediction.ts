import { invalidParameter } from './errors.js';

/**
 * The prediction log and its feedback: what a model answered, to which input, and later the right answer.
 * Shared by the store, the serving services, the contract and the SDK.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** `name@alias` or `name/version`, as callers name the model that answered. */
export type ModelRef = { name: string; alias: string } | { name: string; version: number };

export function parseModelRef(ref: string): ModelRef {
  const at = ref.lastIndexOf('@');
  if (at > 0 && at < ref.length - 1) return { name: ref.slice(0, at), alias: ref.slice(at + 1) };
  const slash = ref.lastIndexOf('/');
  const version = Number(ref.slice(slash + 1));
  if (slash > 0 && Number.isSafeInteger(version) && version > 0 && /^\d+$/.test(ref.slice(slash + 1))) {
    return { name: ref.slice(0, slash), version };
  }
  throw invalidParameter(
    `Model '${ref}' must be named as name@alias or name/version, e.g. churn@production.`,
  );
}

/** One prediction as a caller logs it. */
export interface NewPrediction {
  /** The caller's id (kept, and the key for idempotence); generated when absent. */
  id?: string;
  /** `name@alias` or `name/version`; resolved to a version when logged. */
  model: string;
  input: JsonValue;
  output: JsonValue;
  /** The model's confidence in `output` (e.g. its probability), when it has one. */
  score?: number;
  /** When it was made (ms since the epoch; default: when logged). */
  time?: number;
}

export interface Feedback {
  /** The right answer, of the same JSON type as the prediction's output. */
  label: JsonValue;
  time: number;
  author: string | null;
  comment: string | null;
}

export interface Prediction {
  id: string;
  modelName: string;
  modelVersion: number;
  /** The model as the caller named it (`churn@production`). */
  modelRef: string;
  time: number;
  input: JsonValue;
  output: JsonValue;
  score: number | null;
  feedback: Feedback | null;
}

/** Which logged predictions to list (newest first). */
export interface PredictionFilter {
  /** `name`, `name@alias` or `name/version`. */
  model?: string;
  labelled?: boolean;
  /** Only labelled predictions whose label differs from the output. */
  wrong?: boolean;
  minScore?: number;
  maxScore?: number;
  /** 1 to 1,000. */
  limit?: number;
  offset?: number;
}

/** Per model: how much of the traffic is kept, and for how long. */
export interface PredictionSettings {
  /** Fraction of predictions kept, 0 < rate ≤ 1 (decided by the id, so a retried batch keeps the same ones). */
  sampleRate: number;
  /** The most predictions kept per model; the oldest go first. null: no bound. */
  retention: number | null;
}

export const DEFAULT_PREDICTION_SETTINGS: PredictionSettings = { sampleRate: 1, retention: null };

/** The most predictions one batch may carry (more is refused whole, with 413). */
export const MAX_PREDICTION_BATCH = 10_000;
