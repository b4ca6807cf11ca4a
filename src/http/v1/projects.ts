import { Hono } from 'hono';
import { api } from '../../contract/index.js';
import { settingsFromWire } from '../../contract/settings.js';
import type { Services } from '../services.js';
import { implement } from './implement.js';
import { runTableJson } from './run-table-wire.js';
import { projectJson } from './wire.js';

const VIEWS = { active: 'ACTIVE_ONLY', deleted: 'DELETED_ONLY', all: 'ALL' } as const;
const routes = api.projects;

export function projectRoutes({ projects, projectSettings, runTable }: Services): Hono {
  const app = new Hono();
  implement(app, routes.create, async ({ body }) => {
    const project = await projectSettings.createProject(
      {
        name: body.name,
        description: body.description ?? '',
        tags: body.tags ?? {},
        primaryMetric: body.primary_metric ?? null,
        direction: body.direction ?? null,
      },
      settingsFromWire(body.settings ?? {}),
    );
    return { project: projectJson(project) };
  });
  implement(app, routes.list, async ({ query }) => ({
    projects: (await projects.list(VIEWS[query.view ?? 'active'])).map(projectJson),
  }));
  implement(app, routes.getByName, async ({ params }) => ({
    project: projectJson(await projects.getByName(params.name)),
  }));
  implement(app, routes.get, async ({ params }) => ({ project: projectJson(await projects.get(params.id)) }));
  implement(app, routes.update, async ({ params, body }) => {
    const project = await projects.update(params.id, {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.description === undefined ? {} : { description: body.description }),
      ...(body.primary_metric === undefined ? {} : { primaryMetric: body.primary_metric }),
      ...(body.direction === undefined ? {} : { direction: body.direction }),
    });
    return { project: projectJson(project) };
  });
  implement(app, routes.delete, async ({ params }) => {
    await projects.delete(params.id);
    return {};
  });
  implement(app, routes.restore, async ({ params }) => {
    await projects.restore(params.id);
    return {};
  });
  implement(app, routes.keys, async ({ params }) => projects.keys(params.id));
  implement(app, routes.table, async ({ params, query }) => {
    const page = await runTable.page({
      projectId: params.id,
      filter: query.filter,
      orderBy: query.order_by,
      columns: query.columns,
      maxResults: query.max_results,
      pageToken: query.page_token,
    });
    return runTableJson(page);
  });
  return app;
}
