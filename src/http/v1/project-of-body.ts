import { invalidParameter } from '../../core/errors.js';
import type { Project } from '../../core/project.js';
import type { ProjectService } from '../../tracking/projects.js';
import { type Fields, optionalString } from '../input.js';

/** The project a create request names: `project_id`, or `project` by name (created on first use). */
export async function projectOfBody(body: Fields, projects: ProjectService): Promise<Project> {
  const id = optionalString(body, 'project_id');
  if (id !== undefined) return projects.get(id);
  const name = optionalString(body, 'project');
  if (name === undefined) {
    throw invalidParameter("Missing value for required parameter 'project' (a name) or 'project_id'.");
  }
  return projects.ensure(name);
}
