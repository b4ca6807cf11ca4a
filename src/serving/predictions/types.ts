import type {
  JsonValue,
  NewPrediction,
  Prediction,
  PredictionFilter,
  PredictionSettings,
} from '../../core/prediction.js';

/** What logging a batch did: every item's id in the batch's order, and how many were new. */
export interface PredictionLogResult {
  ids: string[];
  /** Stored now. */
  logged: number;
  /** Already stored under the same id (a retried batch): left as they were. */
  duplicates: number;
  /** Not kept, by the model's sample rate. */
  sampledOut: number;
}

export interface FeedbackInput {
  label: JsonValue;
  author?: string;
  comment?: string;
  /** Replace a label the prediction already has (otherwise that is a conflict). */
  replace?: boolean;
}

/** One item of a bulk upload: it either took, or says why not; the others are not held back by it. */
export type FeedbackOutcome =
  | { id: string; ok: true }
  | { id: string; ok: false; code: 'not_found' | 'conflict' | 'invalid'; message: string };

/** Accuracy of labelled predictions with a 95% binomial interval. */
export interface Accuracy {
  labelled: number;
  correct: number;
  /** NaN when nothing is labelled. */
  accuracy: number;
  ci: [number, number];
}

export interface QualityBucket extends Accuracy {
  /** Start of the bucket (ms since the epoch). */
  start: number;
}

export interface VersionQuality extends Accuracy {
  version: number;
  aliases: string[];
  buckets: QualityBucket[];
  /** What the version scored before it served: its source run's trial on the project's primary metric. */
  offline: { metric: string; mean: number; ci: [number, number]; runs: number } | null;
  /** Live accuracy is below the offline interval: the whole live interval lies under its lower bound. */
  alert: boolean;
}

export interface QualityReport {
  model: string;
  versions: VersionQuality[];
}

export interface Slice extends Accuracy {
  /** An input field (dotted path for nested objects). */
  feature: string;
  /** Its value, or a numeric range such as `[10, 20)`. */
  value: string;
}

/** A row error analysis judges: right when `label` deep-equals `output`. */
export interface LabelledRow {
  id: string;
  input: JsonValue;
  output: JsonValue;
  label: JsonValue;
  score: number | null;
}

/** Where a model is wrong, over labelled rows of any source. */
export interface ErrorBreakdown<Row> {
  labelled: number;
  /** Rows are labels (the truth), columns outputs, both as JSON text, sorted. */
  confusion: { classes: string[]; counts: number[][] };
  /** Wrong rows, highest score first. */
  confidentWrong: Row[];
  /** Feature values with at least a few labelled rows, worst accuracy first. */
  slices: Slice[];
}

/** Error analysis of a served model's labelled predictions. */
export interface ErrorAnalysis extends ErrorBreakdown<Prediction> {
  model: string;
  /** null: every version of the model. */
  version: number | null;
}

/** The prediction log and its feedback, over the store; what the routes call. */
export interface PredictionServiceApi {
  /** All or nothing: an unknown model, a bad item or a batch over the limit stores none of it. */
  log(items: readonly NewPrediction[]): Promise<PredictionLogResult>;
  get(id: string): Promise<Prediction>;
  list(filter: PredictionFilter): Promise<{ predictions: Prediction[]; total: number }>;
  feedback(id: string, input: FeedbackInput): Promise<Prediction>;
  feedbackMany(items: readonly ({ id: string } & FeedbackInput)[]): Promise<FeedbackOutcome[]>;
  settings(modelName: string): Promise<PredictionSettings>;
  updateSettings(modelName: string, changes: Partial<PredictionSettings>): Promise<PredictionSettings>;
  quality(modelName: string, options?: { bucketMs?: number }): Promise<QualityReport>;
  errors(model: string, options?: { top?: number }): Promise<ErrorAnalysis>;
}
