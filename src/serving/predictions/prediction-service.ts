import { invalidParameter, notFound, RatchetError } from '../../core/errors.js';
import { isJsonValue, sameJson } from '../../core/json-value.js';
import {
  DEFAULT_PREDICTION_SETTINGS,
  type NewPrediction,
  type Prediction,
  type PredictionFilter,
  type PredictionSettings,
} from '../../core/prediction.js';
import { registeredModelNotFound } from '../../core/registry.js';
import { validateInteger } from '../../core/validation.js';
import type { PredictionRow } from '../../store/prediction-store.js';
import type { Store } from '../../store/store.js';
import { analyseErrors, DEFAULT_TOP_WRONG } from './error-analysis.js';
import { checkLabelType } from './json-values.js';
import { type ResolvedModel, resolveModelRef, resolveModelSelector } from './model-refs.js';
import { checkBatchSize, checkFeedbackText, checkNewPrediction, checkSettings } from './prediction-input.js';
import { type OfflineEstimator, versionQuality } from './quality.js';
import { keptAtSampleRate } from './sampling.js';
import type {
  ErrorAnalysis,
  FeedbackInput,
  FeedbackOutcome,
  PredictionLogResult,
  PredictionServiceApi,
  QualityReport,
} from './types.js';

const DAY_MS = 86_400_000;
const DEFAULT_LIST_LIMIT = 100;
const MAX_LIST_LIMIT = 1000;
const MAX_TOP = 1000;
/** Error analysis reads at most this many of the newest labelled predictions (a bounded cost per request). */
const MAX_ANALYSED = 50_000;

const OUTCOME_CODES = {
  RESOURCE_DOES_NOT_EXIST: 'not_found',
  RESOURCE_ALREADY_EXISTS: 'conflict',
  INVALID_PARAMETER_VALUE: 'invalid',
} as const;

/** The prediction log, its feedback, live quality and error analysis, over the store and the registry. */
export class PredictionService implements PredictionServiceApi {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly offlineEstimate: OfflineEstimator,
  ) {}

  async log(items: readonly NewPrediction[]): Promise<PredictionLogResult> {
    checkBatchSize(items.length, 'predictions');
    items.forEach(checkNewPrediction);
    const models = new Map<string, ResolvedModel>();
    const sampleRates = new Map<string, number>();
    for (const { model } of items) {
      if (models.has(model)) continue;
      const resolved = await resolveModelRef(this.store, model);
      models.set(model, resolved);
      if (!sampleRates.has(resolved.name)) {
        sampleRates.set(resolved.name, (await this.storedSettings(resolved.name)).sampleRate);
      }
    }
    const now = this.now();
    const ids: string[] = [];
    const kept: PredictionRow[] = [];
    for (const item of items) {
      const id = item.id ?? globalThis.crypto.randomUUID();
      ids.push(id);
      const { name, version } = models.get(item.model)!;
      if (!keptAtSampleRate(id, sampleRates.get(name)!)) continue;
      kept.push({
        id,
        modelName: name,
        modelVersion: version,
        modelRef: item.model,
        time: item.time ?? now,
        input: item.input,
        output: item.output,
        score: item.score ?? null,
      });
    }
    const inserted = kept.length === 0 ? new Set<string>() : await this.store.predictions.insert(kept);
    return {
      ids,
      logged: inserted.size,
      duplicates: kept.length - inserted.size,
      sampledOut: items.length - kept.length,
    };
  }

  async get(id: string): Promise<Prediction> {
    const found = await this.store.predictions.get(id);
    if (!found) throw predictionNotFound(id);
    return found;
  }

  async list(filter: PredictionFilter): Promise<{ predictions: Prediction[]; total: number }> {
    const limit = validateInteger(filter.limit ?? DEFAULT_LIST_LIMIT, 'limit', { min: 0 });
    if (limit > MAX_LIST_LIMIT) throw invalidParameter(`'limit' may be at most ${MAX_LIST_LIMIT}.`);
    const offset = validateInteger(filter.offset ?? 0, 'offset', { min: 0 });
    const model =
      filter.model === undefined ? undefined : await resolveModelSelector(this.store, filter.model);
    for (const bound of ['minScore', 'maxScore'] as const) {
      const value = filter[bound];
      if (value !== undefined && !Number.isFinite(value))
        throw invalidParameter(`'${bound}' must be a number.`);
    }
    return this.store.predictions.list({
      ...(model && { modelName: model.name }),
      ...(model?.version != null && { modelVersion: model.version }),
      ...(filter.labelled !== undefined && { labelled: filter.labelled }),
      ...(filter.wrong !== undefined && { wrong: filter.wrong }),
      ...(filter.minScore !== undefined && { minScore: filter.minScore }),
      ...(filter.maxScore !== undefined && { maxScore: filter.maxScore }),
      limit,
      offset,
    });
  }

  async feedback(id: string, input: FeedbackInput): Promise<Prediction> {
    if (!isJsonValue(input.label)) throw invalidParameter("'label' must be a JSON value.");
    const feedback = {
      label: input.label,
      time: this.now(),
      author: checkFeedbackText(input.author, 'author'),
      comment: checkFeedbackText(input.comment, 'comment'),
    };
    const prediction = await this.get(id);
    checkLabelType(input.label, prediction.output);
    const correct = sameJson(input.label, prediction.output);
    const outcome = await this.store.predictions.label(id, feedback, correct, input.replace === true);
    if (outcome === 'not_found') throw predictionNotFound(id);
    if (outcome === 'already_labelled') {
      throw new RatchetError(
        'RESOURCE_ALREADY_EXISTS',
        `Prediction '${id}' already has a label; replacing it must be asked for (replace: true in the API, --replace in the CLI).`,
      );
    }
    return this.get(id);
  }

  async feedbackMany(items: readonly ({ id: string } & FeedbackInput)[]): Promise<FeedbackOutcome[]> {
    checkBatchSize(items.length, 'labels');
    const outcomes: FeedbackOutcome[] = [];
    for (const { id, ...input } of items) {
      try {
        await this.feedback(id, input);
        outcomes.push({ id, ok: true });
      } catch (error) {
        const code =
          error instanceof RatchetError ? OUTCOME_CODES[error.code as keyof typeof OUTCOME_CODES] : undefined;
        if (code === undefined) throw error;
        outcomes.push({ id, ok: false, code, message: (error as Error).message });
      }
    }
    return outcomes;
  }

  async settings(modelName: string): Promise<PredictionSettings> {
    await this.requireModel(modelName);
    return this.storedSettings(modelName);
  }

  async updateSettings(modelName: string, changes: Partial<PredictionSettings>): Promise<PredictionSettings> {
    const current = await this.settings(modelName);
    const next: PredictionSettings = {
      sampleRate: changes.sampleRate ?? current.sampleRate,
      retention: changes.retention === undefined ? current.retention : changes.retention,
    };
    checkSettings(next);
    await this.store.predictions.saveSettings(modelName, next);
    return next;
  }

  async quality(modelName: string, options: { bucketMs?: number } = {}): Promise<QualityReport> {
    const bucketMs = validateInteger(options.bucketMs ?? DAY_MS, 'bucket', { min: 1 });
    await this.requireModel(modelName);
    const [versions, counts] = await Promise.all([
      this.store.registry.versions.list(),
      this.store.predictions.quality(modelName, bucketMs),
    ]);
    const served = new Set(counts.map((count) => count.version));
    const shown = versions
      .filter((v) => v.modelName === modelName && (served.has(v.version) || v.aliases.length > 0))
      .sort((a, b) => a.version - b.version);
    return {
      model: modelName,
      versions: await Promise.all(
        shown.map(async (version) =>
          versionQuality(version, counts, version.runId ? await this.offlineEstimate(version.runId) : null),
        ),
      ),
    };
  }

  async errors(model: string, options: { top?: number } = {}): Promise<ErrorAnalysis> {
    const top = validateInteger(options.top ?? DEFAULT_TOP_WRONG, 'top', { min: 0 });
    if (top > MAX_TOP) throw invalidParameter(`'top' may be at most ${MAX_TOP}.`);
    const { name, version } = await resolveModelSelector(this.store, model);
    const labelled = await this.store.predictions.labelled(name, version, MAX_ANALYSED);
    const rows = labelled.map((prediction) => ({ ...prediction, label: prediction.feedback.label }));
    return { model: name, version, ...analyseErrors(rows, top) };
  }

  private async requireModel(name: string): Promise<void> {
    if (!(await this.store.registry.models.get(name))) throw registeredModelNotFound(name);
  }

  private async storedSettings(modelName: string): Promise<PredictionSettings> {
    return (await this.store.predictions.settings(modelName)) ?? DEFAULT_PREDICTION_SETTINGS;
  }
}

const predictionNotFound = (id: string) => notFound(`Prediction '${id}' not found.`);
