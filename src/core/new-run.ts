import type { RunStatus } from './run.js';

/** A run to record, with everything the store needs (the run service fills in the id, URI and defaults). */
export interface NewRun {
  id: string;
  projectId: string;
  name: string;
  userId: string;
  status: RunStatus;
  startTime: number;
  artifactUri: string;
  notes?: string;
  parentRunId?: string | null;
  trialId?: string | null;
  seed?: number | null;
  params?: Record<string, string>;
  tags?: Record<string, string>;
}
