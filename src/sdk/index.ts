export { Ratchet, type RatchetOptions, type StartRunOptions } from './client.js';
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
export { RunHandle, type RunHandleOptions } from './run.js';
export type { WirePoint, WireProject, WireRun } from './wire.js';
