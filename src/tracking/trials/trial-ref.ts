import { invalidParameter, notFound } from '../../core/errors.js';
import { projectNameNotFound, projectNotFound } from '../../core/project-errors.js';
import type { Trial } from '../../core/trial.js';
import { trialNotFound } from '../../core/trial-errors.js';
import type { Store } from '../../store/store.js';

export interface TrialRefContext {
  /** The project the trial must belong to, where the request already names one (e.g. a run's project). */
  projectId?: string;
}

/**
 * A trial as people and clients name it: its id (32 hex characters), or `<project name>#<number>` the way
 * the notebook shows it (e.g. `churn#3`). Project names may contain '#', so the number follows the last one.
 */
export async function resolveTrialRef(
  store: Store,
  ref: string,
  context: TrialRefContext = {},
): Promise<Trial> {
  const hash = ref.lastIndexOf('#');
  const trial =
    hash < 0 ? await byId(store, ref) : await byNumber(store, ref.slice(0, hash), ref.slice(hash + 1));
  if (context.projectId !== undefined && trial.projectId !== context.projectId) {
    const [owner, expected] = await Promise.all([
      store.projects.get(trial.projectId),
      store.projects.get(context.projectId),
    ]);
    if (!expected) throw projectNotFound(context.projectId);
    throw invalidParameter(
      `Trial ${ref} belongs to project '${owner?.name ?? trial.projectId}', not to '${expected.name}'.`,
    );
  }
  return trial;
}

async function byId(store: Store, id: string): Promise<Trial> {
  const trial = await store.trials.get(id);
  if (!trial) throw trialNotFound(id);
  return trial;
}

async function byNumber(store: Store, projectName: string, numberText: string): Promise<Trial> {
  if (projectName === '' || !/^[1-9][0-9]*$/.test(numberText)) {
    throw invalidParameter(
      `Invalid trial reference '${projectName}#${numberText}': name a trial by its id or as ` +
        '<project>#<number>, e.g. churn#3.',
    );
  }
  const project = await store.projects.getByName(projectName);
  if (!project) throw projectNameNotFound(projectName);
  const trial = await store.trials.getByNumber(project.id, Number(numberText));
  if (!trial) throw notFound(`Project ${projectName} has no trial #${numberText}.`);
  return trial;
}
