/** MLflow's server-side limits (reference §3); Ratchet enforces the same so MLflow clients behave the same. */
export const LIMITS = {
  keyLength: 250,
  paramValueLength: 6000,
  runTagValueLength: 8000,
  projectTagValueLength: 5000,
  projectNameLength: 500,
  batchMetrics: 1000,
  batchParams: 100,
  batchTags: 100,
  batchBytes: 1_000_000,
  /** Ratchet's native batch endpoint accepts larger batches than MLflow's log-batch. */
  nativeBatchPoints: 100_000,
  nativeBatchBytes: 16_000_000,
  /** A dataset's profile may be up to 16 MiB (MLflow's limit), so log-inputs reads larger bodies: the largest. */
  logInputsBytes: 64 * 2 ** 20,
  searchMaxResults: 50_000,
  /** MLflow's registry columns hold names of up to 256 characters. */
  registeredModelNameLength: 256,
  registryTagValueLength: 100_000,
  registryAliasLength: 255,
  registeredModelsSearchDefault: 100,
  registeredModelsSearchMax: 1000,
  modelVersionsSearchDefault: 10_000,
  modelVersionsSearchMax: 200_000,
  /**
   * Ratchet's own bounds on one search (MLflow has none): each keeps the worst allowed query far inside
   * SQLite's limits (expression depth 1000, 32,766 variables) and PostgreSQL's planner and memory.
   */
  filterLength: 50_000,
  filterClauses: 50,
  filterDepth: 50,
  inListValues: 1000,
  orderByKeys: 20,
  /** Nesting of arrays and objects in a request body: no request of either API needs more than a few levels. */
  jsonDepth: 64,
} as const;
