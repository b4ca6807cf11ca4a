import { parseNonFinite } from '../core/non-finite.js';

/** The native API's JSON, as the SDK sees it. */
export interface WirePoint {
  step: number;
  timestamp: number;
  value: number | null;
  non_finite?: 'NaN' | 'Infinity' | '-Infinity';
}

export interface WireRun {
  id: string;
  project_id: string;
  name: string;
  user_id: string;
  status: string;
  start_time: number;
  end_time: number | null;
  lifecycle_stage: string;
  artifact_uri: string;
  notes: string;
  parent_run_id: string | null;
  trial_id: string | null;
  seed: number | null;
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: Record<string, WirePoint>;
}

export interface WireProject {
  id: string;
  name: string;
  description: string;
  lifecycle_stage: string;
  primary_metric: string | null;
  direction: 'maximize' | 'minimize' | null;
  tags: Record<string, string>;
  creation_time: number;
  last_update_time: number;
}

export function fromWirePoint(point: WirePoint): { step: number; timestamp: number; value: number } {
  return {
    step: point.step,
    timestamp: point.timestamp,
    value: parseNonFinite(point.non_finite) ?? point.value ?? Number.NaN,
  };
}
