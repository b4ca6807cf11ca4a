import { isHTTPError, type Project, type Ratchet } from '../../sdk/index.js';

/** The project of that name, or null when there is none (asking creates nothing). */
export async function findProject(client: Ratchet, name: string): Promise<Project | null> {
  try {
    return await client.projects.get(name);
  } catch (error) {
    if (isHTTPError(error) && error.status === 404) return null;
    throw error;
  }
}
