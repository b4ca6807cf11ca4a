import type { LifecycleStage } from './project.js';

/** MLflow 3's logged model: the artifacts of one model a run (or anything else) logged, with its metadata. */
export type LoggedModelStatus = 'PENDING' | 'READY' | 'FAILED';

/** A metric value attached to a model (logged to a run with the model's id). */
export interface ModelMetric {
  key: string;
  value: number;
  step: number;
  timestamp: number;
  runId: string | null;
  datasetName: string | null;
  datasetDigest: string | null;
}

export interface LoggedModel {
  /** `m-` followed by 32 hex characters. */
  id: string;
  projectId: string;
  name: string;
  modelType: string | null;
  sourceRunId: string | null;
  status: LoggedModelStatus;
  statusMessage: string | null;
  artifactLocation: string;
  lifecycleStage: LifecycleStage;
  creationTime: number;
  lastUpdateTime: number;
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: ModelMetric[];
}
