import { invalidParameter } from '../core/errors.js';
import { DEFAULT_PROJECT_ID } from '../core/project.js';
import { isHTTPError, type Project, type Ratchet } from '../sdk/index.js';

/**
 * The project a command is about: named (by name, or id when no project has that name), else
 * $RATCHET_PROJECT, else the only project there is besides the default one.
 */
export async function resolveProject(client: Ratchet, ref: string | undefined): Promise<Project> {
  const named = ref ?? process.env.RATCHET_PROJECT;
  if (named === undefined || named === '') return onlyProject(client);
  try {
    return await client.projects.get(named);
  } catch (error) {
    if (!isHTTPError(error) || error.status !== 404) throw error;
    if (/^\d+$/.test(named)) return client.projects.get({ id: named });
    throw invalidParameter(
      `Project '${named}' does not exist: create it with \`ratchet project create ${named}\` ` +
        '(`ratchet project list` shows the projects there are).',
    );
  }
}

async function onlyProject(client: Ratchet): Promise<Project> {
  const projects = (await client.projects.list()).filter((p) => p.id !== DEFAULT_PROJECT_ID);
  if (projects.length === 1) return projects[0]!;
  if (projects.length === 0) {
    throw invalidParameter('There is no project yet: create one with `ratchet project create <name>`.');
  }
  throw invalidParameter(
    `Name a project (or set RATCHET_PROJECT); there are ${projects.length}: ${projects.map((p) => p.name).join(', ')}.`,
  );
}

/** A trial as the API takes it: an id, `<project>#<number>`, or `#<number>` in the command's project. */
export async function trialRef(client: Ratchet, ref: string): Promise<string> {
  return ref.startsWith('#') ? `${(await resolveProject(client, undefined)).name}${ref}` : ref;
}
