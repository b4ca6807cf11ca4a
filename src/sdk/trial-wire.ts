import { parseNonFinite } from '../core/non-finite.js';
import type { WireRun } from './wire.js';

/** The native API's trial JSON, as the SDK returns it (non-finite numbers decoded back to numbers). */
export type WireOutcome =
  | 'improved'
  | 'worse'
  | 'no_detectable_difference'
  | 'inconclusive'
  | 'failed'
  | 'pending';

export interface WireVerdict {
  verdict: 'improved' | 'worse' | 'no_detectable_difference' | 'inconclusive';
  estimate: number;
  ci: [number, number];
  p_value: number;
  probability_of_improvement: number;
  effect_size: number;
  power: number;
  runs_needed_per_arm: number;
  additional_runs_per_arm: number;
  notes: string[];
}

export interface WirePerExample {
  examples: number;
  baseline_only: number;
  candidate_only: number;
  statistic: number;
  p_value: number;
}

export interface WireNoiseFloor {
  trial_id: string;
  seeds: number;
  mean: number;
  sd: number;
  detectable_effect: number;
  eval_set_standard_error: number | null;
  eval_set_size: number | null;
}

export interface WireEvaluation {
  outcome: WireOutcome;
  baseline_trial_id: string | null;
  metric: string | null;
  direction: 'maximize' | 'minimize' | null;
  runs_tally: WireRunTally;
  paired: boolean;
  baseline_values: number[];
  candidate_values: number[];
  comparison: WireVerdict | null;
  per_example: WirePerExample | null;
  noise: WireNoiseFloor | null;
  notes: string[];
  computed_time: number;
}

export interface WireChange {
  kind: 'param' | 'feature' | 'code' | 'data' | 'environment';
  key: string;
  from: string | null;
  to: string | null;
}

export interface WireTrial {
  id: string;
  project_id: string;
  number: number;
  hypothesis: string;
  parent_trial_id: string | null;
  config: {
    params: Record<string, string>;
    features: string[];
    code_version: string | null;
    data: Record<string, string>;
    environment: Record<string, string>;
  };
  change_set: WireChange[];
  flags: 'multiple_changes'[];
  accepted_changes_reason: string | null;
  notes: string;
  created_time: number;
  outcome: WireOutcome;
  evaluation: WireEvaluation | null;
}

export interface WireRunTally {
  total: number;
  running: number;
  finished: number;
  failed: number;
}

export interface WireSummary {
  n: number;
  mean: number;
  sd: number;
  ci: [number, number];
  iqm: number;
  min: number;
  max: number;
}

export interface WireTrialDetail extends WireTrial {
  is_baseline: boolean;
  runs_tally: WireRunTally;
  runs: WireRun[];
  metrics: Record<string, WireSummary>;
}

export interface WireNotebookEntry extends WireTrial {
  runs_tally: WireRunTally;
  is_baseline: boolean;
  promoted: boolean;
}

export interface WirePromotion {
  id: string;
  project_id: string;
  trial_id: string;
  previous_trial_id: string | null;
  promoted_time: number;
  evaluation: WireEvaluation | null;
  forced: boolean;
  reason: string | null;
  automatic: boolean;
}

export interface WireComparison {
  metric: string | null;
  direction: 'maximize' | 'minimize';
  paired: boolean;
  baseline_values: number[];
  candidate_values: number[];
  verdict: WireVerdict;
  per_example: WirePerExample | null;
}

/** Numbers that may arrive as "NaN"/"Infinity"/"-Infinity" in these shapes, by object key. */
const NUMBER_KEYS = new Set([
  'estimate',
  'ci',
  'p_value',
  'probability_of_improvement',
  'effect_size',
  'power',
  'runs_needed_per_arm',
  'additional_runs_per_arm',
  'statistic',
  'mean',
  'sd',
  'detectable_effect',
  'eval_set_standard_error',
  'iqm',
  'min',
  'max',
  'largest_difference',
]);

/** User data (runs, configurations) is never decoded, whatever its keys are called. */
const OPAQUE_KEYS = new Set(['runs', 'config', 'change_set', 'notes']);

/** Turns the wire's names for NaN/±Infinity back into numbers wherever a number is expected. */
export function decodeNumbers<T>(value: T): T {
  return walk(value, false) as T;
}

function walk(value: unknown, numeric: boolean): unknown {
  if (numeric && typeof value === 'string') return parseNonFinite(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => walk(item, numeric));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, OPAQUE_KEYS.has(key) ? v : walk(v, NUMBER_KEYS.has(key))]),
  );
}
