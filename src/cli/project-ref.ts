import { invalidParameter } from '../core/errors.js';
import { DEFAULT_PROJECT_ID, type Project } from '../core/project.js';
import type { Trial } from '../core/trial.js';
import type { Services } from '../http/services.js';

/**
 * The project a command is about: named (by name or id), else $RATCHET_PROJECT, else the only project there is
 * besides the default one.
 */
export async function resolveProject(services: Services, ref: string | undefined): Promise<Project> {
  const named = ref ?? process.env.RATCHET_PROJECT;
  if (named !== undefined && named !== '') {
    try {
      return await services.projects.getByName(named);
    } catch (error) {
      if (/^\d+$/.test(named)) return services.projects.get(named);
      throw error;
    }
  }
  const projects = (await services.projects.list()).filter((p) => p.id !== DEFAULT_PROJECT_ID);
  if (projects.length === 1) return projects[0]!;
  throw invalidParameter(
    `Name a project (or set RATCHET_PROJECT); there are ${projects.length}: ${projects.map((p) => p.name).join(', ')}.`,
  );
}

/** A trial by id, or as `<project>#<number>` (e.g. churn#3) the way the notebook shows it. */
export async function resolveTrial(services: Services, ref: string): Promise<Trial> {
  const hash = ref.lastIndexOf('#');
  if (hash < 0) return services.trials.get(ref);
  const project = await resolveProject(services, ref.slice(0, hash) || undefined);
  const number = Number(ref.slice(hash + 1));
  const trial = (await services.trials.list(project.id)).find((t) => t.number === number);
  if (!trial) throw invalidParameter(`Project ${project.name} has no trial #${ref.slice(hash + 1)}.`);
  return trial;
}
