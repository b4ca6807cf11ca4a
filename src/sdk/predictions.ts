import { api } from '../contract/index.js';
import {
  type JsonValue,
  type NewPrediction,
  type PredictionFilter,
  parseModelRef,
} from '../core/prediction.js';
import type { Transport } from './transport.js';
import type {
  ErrorAnalysis,
  FeedbackOutcome,
  Prediction,
  PredictionLogResult,
  PredictionSettings,
  PredictResult,
  QualityReport,
} from './types.js';

export interface FeedbackOptions {
  author?: string;
  comment?: string;
  /** Replace a label the prediction already has (otherwise the server refuses with 409). */
  replace?: boolean;
}

export interface FeedbackItem extends Omit<FeedbackOptions, 'replace'> {
  id: string;
  label: JsonValue;
  replace?: boolean;
}

/**
 * The prediction log of models served anywhere, the right answers people give, live quality per version and
 * error analysis. Independent of runs: a serving process needs no run to log to.
 */
export class PredictionsClient {
  constructor(private readonly transport: Transport) {}

  /**
   * Logs a batch (at most 10,000; `model` as `name@alias` or `name/version`). Items without an id get one
   * here, so a retried batch is recognised by the server and stored once.
   */
  async log(items: readonly NewPrediction[]): Promise<PredictionLogResult> {
    const predictions = items.map((item) => (item.id === undefined ? { ...item, id: newId() } : item));
    return this.transport.call(api.predictions.log, { body: { predictions } }, { idempotent: true });
  }

  /**
   * Answers a batch of inputs with a registered `js` model (`model` as `name@alias` or `name/version`) on the
   * server, which logs every answer; each prediction carries the id it is logged under, for feedback later.
   */
  async predict(model: string, inputs: readonly JsonValue[]): Promise<PredictResult> {
    const parsed = parseModelRef(model);
    const ref = 'alias' in parsed ? parsed.alias : String(parsed.version);
    return this.transport.call(api.serving.predict, {
      params: { name: parsed.name, ref },
      body: { inputs: [...inputs] },
    });
  }

  async list(filter: PredictionFilter = {}): Promise<{ predictions: Prediction[]; total: number }> {
    const query = {
      ...(filter.model === undefined ? {} : { model: filter.model }),
      ...(filter.labelled === undefined ? {} : { labelled: booleanText(filter.labelled) }),
      ...(filter.wrong === undefined ? {} : { wrong: booleanText(filter.wrong) }),
      ...(filter.minScore === undefined ? {} : { min_score: String(filter.minScore) }),
      ...(filter.maxScore === undefined ? {} : { max_score: String(filter.maxScore) }),
      ...(filter.limit === undefined ? {} : { limit: String(filter.limit) }),
      ...(filter.offset === undefined ? {} : { offset: String(filter.offset) }),
    };
    return this.transport.call(api.predictions.list, { query });
  }

  async get(id: string): Promise<Prediction> {
    return (await this.transport.call(api.predictions.get, { params: { id } })).prediction;
  }

  /** The right answer for one prediction, of the same JSON type as its output. */
  async feedback(id: string, label: JsonValue, options: FeedbackOptions = {}): Promise<Prediction> {
    const body = { label, ...options };
    // Only a replacing label may be sent twice: a second plain one would be refused as a conflict.
    const idempotent = options.replace === true;
    return (await this.transport.call(api.predictions.feedback, { params: { id }, body }, { idempotent }))
      .prediction;
  }

  /** Labels for many predictions; each outcome says whether its item took, and if not why. */
  async feedbackMany(
    items: readonly FeedbackItem[],
    options: { replace?: boolean } = {},
  ): Promise<FeedbackOutcome[]> {
    const body = { feedback: [...items], ...options };
    return (await this.transport.call(api.predictions.feedbackMany, { body })).outcomes;
  }

  async settings(model: string): Promise<PredictionSettings> {
    return (await this.transport.call(api.predictions.settings, { params: { name: model } })).settings;
  }

  /** Changes a model's sample rate (0 < rate ≤ 1) or retention bound (null: none). */
  async updateSettings(
    model: string,
    changes: { sampleRate?: number; retention?: number | null },
  ): Promise<PredictionSettings> {
    const body = {
      ...(changes.sampleRate === undefined ? {} : { sample_rate: changes.sampleRate }),
      ...(changes.retention === undefined ? {} : { retention: changes.retention }),
    };
    const input = { params: { name: model }, body };
    return (await this.transport.call(api.predictions.updateSettings, input, { idempotent: true })).settings;
  }

  /** Live accuracy per version (in hour, day or week buckets) against its offline evaluation, with alerts. */
  async quality(model: string, options: { bucket?: 'hour' | 'day' | 'week' } = {}): Promise<QualityReport> {
    return (await this.transport.call(api.predictions.quality, { params: { name: model }, query: options }))
      .quality;
  }

  /** Confusion matrix, most confident wrong predictions and worst slices, of one version or all. */
  async errors(model: string, options: { version?: number; top?: number } = {}): Promise<ErrorAnalysis> {
    const query = {
      ...(options.version === undefined ? {} : { version: String(options.version) }),
      ...(options.top === undefined ? {} : { top: String(options.top) }),
    };
    return (await this.transport.call(api.predictions.errors, { params: { name: model }, query })).errors;
  }
}

const booleanText = (value: boolean) => (value ? ('true' as const) : ('false' as const));

function newId(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '');
}
