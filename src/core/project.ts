export type LifecycleStage = 'active' | 'deleted';
export type Direction = 'maximize' | 'minimize';

/** A problem with (optionally) one primary metric and a direction. MLflow calls it an experiment. */
export interface Project {
  /** Decimal string of an integer id; "0" is the default project. */
  id: string;
  name: string;
  description: string;
  artifactLocation: string;
  lifecycleStage: LifecycleStage;
  primaryMetric: string | null;
  direction: Direction | null;
  tags: Record<string, string>;
  creationTime: number;
  lastUpdateTime: number;
}

export const DEFAULT_PROJECT_ID = '0';
export const DEFAULT_PROJECT_NAME = 'Default';

/** The distinct keys a project's active runs use, each list sorted: what a UI offers as columns and charts. */
export interface ProjectKeys {
  params: string[];
  metrics: string[];
  tags: string[];
}
