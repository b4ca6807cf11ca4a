import { invalidParameter } from '../core/errors.js';

/** One run to execute: which trial and seed, the params the child gets, and the command that is the run. */
export interface RunPlan {
  projectId: string;
  /** The trial the run joins; `label` (`<project>#<number>`) is what the child sees as RATCHET_TRIAL. */
  trial?: { id: string; label: string };
  seed?: number;
  /** Recorded as the run's params and handed to the child. */
  params: Record<string, string>;
  /** argv, already expanded. */
  command: string[];
  /** Data set name → absolute path, handed to the child as RATCHET_DATA_<NAME>. */
  data?: Record<string, string>;
  cwd: string;
  /** Extra run tags (the capture's, a queue job's id and attempt, …). */
  tags?: Record<string, string>;
  name?: string;
}

export type RunEndStatus = 'FINISHED' | 'FAILED' | 'KILLED';

/** What became of one plan. Several plans give one outcome each: a failure never hides the other runs. */
export interface RunOutcome {
  plan: RunPlan;
  /** null when the run could not even be created. */
  runId: string | null;
  status: RunEndStatus;
  exitCode: number | null;
  signal: string | null;
  /** Why, in one line, when the run did not finish. */
  error?: string;
  durationMs: number;
}

const PLACEHOLDER = /\{([A-Za-z_][\w.-]*)\}/g;

/**
 * `{seed}` and `{<param>}` in each argument replaced by their values, so one template serves every seed and
 * every change. A placeholder with no value is refused rather than passed on literally.
 */
export function expandCommand(
  template: readonly string[],
  values: Readonly<Record<string, string>>,
): string[] {
  return template.map((arg) =>
    arg.replace(PLACEHOLDER, (whole, name: string) => {
      const value = Object.hasOwn(values, name) ? values[name] : undefined;
      if (value === undefined) {
        throw invalidParameter(
          `The command uses ${whole}, which is neither {seed} nor a param (${Object.keys(values).sort().join(', ') || 'none'}).`,
        );
      }
      return value;
    }),
  );
}

/** `count` seeds after the ones already used: nextSeeds([1, 2, 3], 2) → [4, 5]; from 1 when none. */
export function nextSeeds(existing: readonly number[], count: number): number[] {
  const start = existing.length === 0 ? 1 : Math.max(...existing) + 1;
  return Array.from({ length: count }, (_, i) => start + i);
}
