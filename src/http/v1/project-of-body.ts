import { invalidParameter } from '../../core/errors.js';
import type { Project } from '../../core/project.js';
import type { ProjectService } from '../../tracking/projects.js';

/** The project a create request names: `project_id`, or `project` by name (created on first use). */
export async function projectOf(
  body: { project?: string | undefined; project_id?: string | undefined },
  projects: ProjectService,
): Promise<Project> {
  if (body.project_id !== undefined) return projects.get(body.project_id);
  if (body.project === undefined) {
    throw invalidParameter("Missing value for required parameter 'project' (a name) or 'project_id'.");
  }
  return projects.ensure(body.project);
}
