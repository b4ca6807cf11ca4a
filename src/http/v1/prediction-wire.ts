import type { Wire } from '../../contract/index.js';
import type { NonFiniteName } from '../../core/non-finite.js';
import type { Prediction, PredictionSettings } from '../../core/prediction.js';
import type {
  Accuracy,
  ErrorAnalysis,
  ErrorBreakdown,
  QualityReport,
  VersionQuality,
} from '../../serving/predictions/types.js';
import { wireNumber } from './wire.js';

/** The native API's JSON for predictions, their settings, live quality and error analysis. */
export function predictionJson(p: Prediction): Wire<'prediction'> {
  return {
    id: p.id,
    model_name: p.modelName,
    model_version: p.modelVersion,
    model_ref: p.modelRef,
    time: p.time,
    input: p.input,
    output: p.output,
    score: p.score,
    feedback: p.feedback,
  };
}

export function predictionSettingsJson(s: PredictionSettings): Wire<'predictionSettings'> {
  return { sample_rate: s.sampleRate, retention: s.retention };
}

function accuracyJson(a: Accuracy) {
  return {
    labelled: a.labelled,
    correct: a.correct,
    accuracy: wireNumber(a.accuracy),
    ci: intervalJson(a.ci),
  };
}

function intervalJson([low, high]: [number, number]): [number | NonFiniteName, number | NonFiniteName] {
  return [wireNumber(low), wireNumber(high)];
}

export function qualityJson(q: QualityReport): Wire<'qualityReport'> {
  return { model: q.model, versions: q.versions.map(versionQualityJson) };
}

export function versionQualityJson(v: VersionQuality): Wire<'qualityReport'>['versions'][number] {
  return {
    version: v.version,
    aliases: v.aliases,
    ...accuracyJson(v),
    buckets: v.buckets.map((b) => ({ start: b.start, ...accuracyJson(b) })),
    offline: v.offline && {
      metric: v.offline.metric,
      mean: wireNumber(v.offline.mean),
      ci: intervalJson(v.offline.ci),
      runs: v.offline.runs,
    },
    alert: v.alert,
  };
}

/** What error analysis found, whatever its rows were (served predictions or evaluation examples). */
export function errorBreakdownJson(e: ErrorBreakdown<unknown>) {
  return {
    labelled: e.labelled,
    confusion: e.confusion,
    slices: e.slices.map((s) => ({ feature: s.feature, value: s.value, ...accuracyJson(s) })),
  };
}

export function errorAnalysisJson(e: ErrorAnalysis): Wire<'errorAnalysis'> {
  return {
    model: e.model,
    version: e.version,
    ...errorBreakdownJson(e),
    confident_wrong: e.confidentWrong.map(predictionJson),
  };
}
