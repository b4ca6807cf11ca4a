import type { RunInfo } from './run.js';

/** A run to record, with everything the store needs (the run service fills in the id, URI and defaults). */
export interface NewRun
  extends Pick<RunInfo, 'id' | 'projectId' | 'name' | 'userId' | 'status' | 'startTime' | 'artifactUri'> {
  notes?: string;
  parentRunId?: string | null;
  trialId?: string | null;
  seed?: number | null;
  params?: Record<string, string>;
  tags?: Record<string, string>;
}
