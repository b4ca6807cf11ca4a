import type { Feedback, Prediction, PredictionSettings } from '../core/prediction.js';

/** A prediction ready to store: its id, time and model version already decided. */
export type PredictionRow = Omit<Prediction, 'feedback'>;

export interface PredictionQuery {
  modelName?: string;
  modelVersion?: number;
  labelled?: boolean;
  wrong?: boolean;
  minScore?: number;
  maxScore?: number;
  /** Newest first. */
  limit: number;
  offset: number;
}

export type LabelOutcome = 'labelled' | 'already_labelled' | 'not_found';

/** Labelled predictions of one version in one time bucket. */
export interface QualityCount {
  version: number;
  bucketStart: number;
  labelled: number;
  correct: number;
}

/** A labelled prediction as error analysis reads it. */
export interface LabelledPrediction extends Prediction {
  feedback: Feedback;
}

/** The prediction log, its feedback and the per-model settings that bound it. */
export interface PredictionStore {
  /**
   * Stores the rows whose ids are not stored yet and, in the same transaction, deletes each touched model's
   * oldest predictions beyond its retention. Returns the ids that were new.
   */
  insert(rows: readonly PredictionRow[]): Promise<Set<string>>;
  get(id: string): Promise<Prediction | undefined>;
  list(query: PredictionQuery): Promise<{ predictions: Prediction[]; total: number }>;
  /** Sets the label unless the prediction has one and `replace` is false. */
  label(id: string, feedback: Feedback, correct: boolean, replace: boolean): Promise<LabelOutcome>;
  /** Labelled and correct counts per version of the model and per bucket of `bucketMs`. */
  quality(modelName: string, bucketMs: number): Promise<QualityCount[]>;
  /** The newest `limit` labelled predictions of the model (of one version when given). */
  labelled(modelName: string, modelVersion: number | null, limit: number): Promise<LabelledPrediction[]>;
  settings(modelName: string): Promise<PredictionSettings | undefined>;
  saveSettings(modelName: string, settings: PredictionSettings): Promise<void>;
}
