import { runConfig } from '../../core/change-set.js';
import { invalidParameter } from '../../core/errors.js';
import type { TrialConfig } from '../../core/trial.js';
import { isHTTPError, type Ratchet, type Run, type TrialDetail } from '../../sdk/index.js';

/** One side of a diff: a single run, or a trial (its seeds summarised). */
export type DiffSubject = { kind: 'run'; run: Run } | { kind: 'trial'; trial: TrialDetail; label: string };

/**
 * A run id or a trial (`<project>#<number>` or its id). An id is tried as a run first, then as a trial, so
 * the user never has to say which it is.
 */
export async function loadDiffSubject(client: Ratchet, ref: string): Promise<DiffSubject> {
  if (!ref.includes('#')) {
    const run = await unlessMissing(client.runs.get(ref));
    if (run !== null) return { kind: 'run', run };
  }
  const trial = await unlessMissing(client.trials.detail(ref));
  if (trial === null) {
    throw invalidParameter(
      ref.includes('#') ? `There is no trial ${ref}.` : `'${ref}' is neither a run id nor a trial.`,
    );
  }
  const project = await client.projects.get({ id: trial.project_id });
  return { kind: 'trial', trial, label: `${project.name}#${trial.number}` };
}

/** What defines the subject's configuration: the run's params and config tags, or the trial's config. */
export function subjectConfig(subject: DiffSubject): TrialConfig {
  if (subject.kind === 'run') return runConfig(subject.run);
  const { params, features, code_version, data, environment } = subject.trial.config;
  return { params, features, codeVersion: code_version, data, environment };
}

export function subjectLabel(subject: DiffSubject): string {
  return subject.kind === 'run' ? `run ${subject.run.id}` : `trial ${subject.label}`;
}

async function unlessMissing<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    // 400: not an id the API accepts (e.g. a malformed trial reference) — as missing as a 404.
    if (isHTTPError(error) && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}
