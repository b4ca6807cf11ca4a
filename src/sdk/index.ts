export type { EvaluationRow } from '../core/evaluation.js';
export type { JsonValue, NewPrediction, PredictionFilter } from '../core/prediction.js';
export { Ratchet, type RatchetOptions, type StartRunOptions } from './client.js';
export {
  type ErrorBody,
  HTTPError,
  isHTTPError,
  isNetworkError,
  isProtocolError,
  isRetryable,
  isTimeoutError,
  isUndeliveredError,
  NetworkError,
  type PendingCounts,
  ProtocolError,
  RatchetClientError,
  TimeoutError,
  UndeliveredError,
} from './errors.js';
export type { SpoolDelivery } from './leftover-delivery.js';
export { type AliasMoveOptions, ModelsClient } from './models.js';
export type { PendingBatch } from './pending-batch.js';
export {
  type FeedbackItem,
  type FeedbackOptions,
  PredictionsClient,
} from './predictions.js';
export {
  type CreateProjectOptions,
  type NotebookFilter,
  type NotebookPage,
  type NotebookPageOptions,
  type ProjectRef,
  ProjectsClient,
  type SettingsChanges,
  type TableOptions,
} from './projects.js';
export { RunHandle, type RunHandleOptions } from './run.js';
export { type HistoryOptions, type RunSearchOptions, RunsClient, type SeriesOptions } from './runs.js';
export { SessionClient, type SessionState } from './session.js';
export type { EndStatus, Leftovers, Spool, SpooledRun } from './spool.js';
export { type StartTrialRunOptions, TrialHandle } from './trial.js';
export {
  type CompareArm,
  type CompareOptions,
  type CurvesOptions,
  type StartTrialOptions,
  TrialsClient,
} from './trials.js';
export type {
  AliasEvent,
  BucketedSeries,
  Comparison,
  CurrentBaseline,
  Direction,
  ErrorAnalysis,
  Evaluation,
  EvaluationErrors,
  FeedbackOutcome,
  ModelAlert,
  ModelVersion,
  NoiseFloor,
  NoiseReport,
  NotebookEntry,
  NotebookOutcome,
  ParamValues,
  PerExample,
  Point,
  Prediction,
  PredictionLogResult,
  PredictionSettings,
  PredictResult,
  Project,
  ProjectChange,
  ProjectKeys,
  ProjectProgress,
  ProjectStatus,
  Promotion,
  QualityReport,
  Run,
  RunInfo,
  RunTable,
  SeriesBuckets,
  Settings,
  Summary,
  Trial,
  TrialCurves,
  TrialDetail,
  TrialOutcome,
  Verdict,
} from './types.js';
