export { type CaptureRequest, captureContext } from './capture.js';
export { CAPTURE_ARTIFACT_DIR } from './capture-artifacts.js';
export { type CaptureLimits, DEFAULT_CAPTURE_LIMITS } from './capture-limits.js';
export type { Capture, DataInput } from './capture-types.js';
export { parseDataInput, parseDataInputs } from './data-input.js';
export { fingerprintData } from './fingerprint.js';
