import { availableParallelism } from 'node:os';

/** How much work the server takes on at once before it asks clients to come back later. */
export interface AdmissionOptions {
  /** Request bytes the server may be holding at once (default 256 MiB). */
  maxInflightBytes?: number;
  /** Heavy requests (batch ingest, searches, artifact uploads) handled at once (default 8 per core, ≥ 32). */
  maxConcurrentHeavy?: number;
}

export type AdmissionLimits = Required<AdmissionOptions>;

export const DEFAULT_MAX_INFLIGHT_BYTES = 256 * 2 ** 20;

export function resolveAdmission(options: AdmissionOptions = {}): AdmissionLimits {
  return {
    maxInflightBytes: options.maxInflightBytes ?? DEFAULT_MAX_INFLIGHT_BYTES,
    maxConcurrentHeavy: options.maxConcurrentHeavy ?? Math.max(32, 8 * availableParallelism()),
  };
}
