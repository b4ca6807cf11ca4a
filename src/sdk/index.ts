export { type CreateProjectOptions, Ratchet, type RatchetOptions, type StartRunOptions } from './client.js';
export {
  type ErrorBody,
  HTTPError,
  isHTTPError,
  isNetworkError,
  isRetryable,
  isTimeoutError,
  NetworkError,
  RatchetClientError,
  TimeoutError,
} from './errors.js';
export {
  type CompareArm,
  type CompareOptions,
  ExperimentClient,
  type StartTrialOptions,
  type WireObject,
} from './experiments.js';
export { RunHandle, type RunHandleOptions } from './run.js';
export { type StartTrialRunOptions, TrialHandle } from './trial.js';
export type {
  WireChange,
  WireComparison,
  WireEvaluation,
  WireNoiseFloor,
  WireNotebookEntry,
  WireOutcome,
  WirePerExample,
  WirePromotion,
  WireRunTally,
  WireSummary,
  WireTrial,
  WireTrialDetail,
  WireVerdict,
} from './trial-wire.js';
export type { WirePoint, WireProject, WireRun } from './wire.js';
