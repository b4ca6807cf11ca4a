import type { LifecycleStage } from './project.js';

export const RUN_STATUSES = ['SCHEDULED', 'RUNNING', 'FINISHED', 'FAILED', 'KILLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export function isRunStatus(value: unknown): value is RunStatus {
  return typeof value === 'string' && (RUN_STATUSES as readonly string[]).includes(value);
}

export function isTerminalStatus(status: RunStatus): boolean {
  return status === 'FINISHED' || status === 'FAILED' || status === 'KILLED';
}

export interface RunInfo {
  /** 32 hex characters. */
  id: string;
  projectId: string;
  name: string;
  userId: string;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  lifecycleStage: LifecycleStage;
  artifactUri: string;
  /** Markdown. */
  notes: string;
  parentRunId: string | null;
  trialId: string | null;
  seed: number | null;
}

/** The latest point of one metric key, as MLflow defines it: the max by (step, timestamp, value). */
export interface LatestMetric {
  key: string;
  value: number;
  step: number;
  timestamp: number;
}

export interface Run {
  info: RunInfo;
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: LatestMetric[];
}
