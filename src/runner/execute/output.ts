import type { RunOutcome, RunPlan } from '../plan.js';

/** Where the runner reports: a progress display on a terminal, plain lines elsewhere, nothing in tests. */
export interface RunnerOutput {
  /** A run was created and its process started. */
  started(plan: RunPlan, runId: string): void;
  /** One line the child wrote, on stdout or stderr. */
  line(plan: RunPlan, stream: 'stdout' | 'stderr', text: string): void;
  ended(outcome: RunOutcome): void;
  /** A note for people (warnings, what is being done). */
  note(text: string): void;
}
