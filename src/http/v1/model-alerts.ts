import { Hono } from 'hono';
import { api } from '../../contract/index.js';
import { LIMITS } from '../../core/limits.js';
import type { ModelVersion } from '../../core/registry.js';
import type { Services } from '../services.js';
import { implement } from './implement.js';
import { versionQualityJson } from './prediction-wire.js';

/** Run ids per `run_id IN (…)` search: keeps each filter a bounded size. */
const RUN_IDS_PER_SEARCH = 500;

type AlertServices = Pick<Services, 'projects' | 'runs' | 'registry' | 'predictions'>;

/** Quality alerts of the models a project's runs produced, for `ratchet status`. */
export function modelAlertRoutes(services: AlertServices): Hono {
  const app = new Hono();
  implement(app, api.modelAlerts.list, async ({ params }) => {
    const project = await services.projects.get(params.id);
    const versions = await versionsFromProject(services, project.id);
    const models = [...new Set(versions.map((v) => v.modelName))].sort();
    const fromProject = new Set(versions.map((v) => `${v.modelName}/${v.version}`));
    const alerts = [];
    // Only the models a run of this project was registered as: the quality reports read is bounded by them.
    for (const model of models) {
      for (const version of (await services.predictions.quality(model)).versions) {
        if (version.alert && fromProject.has(`${model}/${version.version}`)) {
          alerts.push({ model, ...versionQualityJson(version) });
        }
      }
    }
    return { alerts };
  });
  return app;
}

/** Registered versions whose source run belongs to the project (the registry is small; runs are not). */
async function versionsFromProject(
  { runs, registry }: AlertServices,
  projectId: string,
): Promise<ModelVersion[]> {
  const versions = (await registry.versions.search({ maxResults: LIMITS.modelVersionsSearchMax })).items;
  const runIds = [...new Set(versions.flatMap((v) => (v.runId === null ? [] : [v.runId])))];
  const inProject = new Set<string>();
  for (let start = 0; start < runIds.length; start += RUN_IDS_PER_SEARCH) {
    const chunk = runIds.slice(start, start + RUN_IDS_PER_SEARCH);
    const page = await runs.search({
      projectIds: [projectId],
      viewType: 'ALL',
      filter: `attributes.run_id IN (${chunk.map((id) => `'${id.replaceAll("'", "''")}'`).join(', ')})`,
      maxResults: RUN_IDS_PER_SEARCH,
    });
    for (const run of page.runs) inProject.add(run.info.id);
  }
  return versions.filter((v) => v.runId !== null && inProject.has(v.runId));
}
