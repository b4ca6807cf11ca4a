import { Hono } from 'hono';
import type { Direction } from '../../core/project.js';
import { readJson } from '../body.js';
import { asObject, optionalEnum, optionalString, optionalStringMap, requiredString } from '../input.js';
import type { Services } from '../services.js';
import { projectJson } from './wire.js';

const DIRECTIONS: readonly Direction[] = ['maximize', 'minimize'];
const VIEWS = { active: 'ACTIVE_ONLY', deleted: 'DELETED_ONLY', all: 'ALL' } as const;
const BODY_LIMIT = 1_000_000;

export function projectRoutes({ projects }: Services) {
  return new Hono()
    .post('/', async (c) => {
      const body = asObject(await readJson(c, BODY_LIMIT));
      const project = await projects.create({
        name: requiredString(body, 'name'),
        description: optionalString(body, 'description') ?? '',
        tags: optionalStringMap(body, 'tags') ?? {},
        primaryMetric: optionalString(body, 'primary_metric') ?? null,
        direction: optionalEnum(body, 'direction', DIRECTIONS) ?? null,
      });
      return c.json({ project: projectJson(project) });
    })
    .get('/', async (c) => {
      const view = optionalEnum(
        { view: c.req.query('view') },
        'view',
        Object.keys(VIEWS) as (keyof typeof VIEWS)[],
      );
      const list = await projects.list(VIEWS[view ?? 'active']);
      return c.json({ projects: list.map(projectJson) });
    })
    .get('/by-name/:name', async (c) =>
      c.json({ project: projectJson(await projects.getByName(c.req.param('name'))) }),
    )
    .get('/:id', async (c) => c.json({ project: projectJson(await projects.get(c.req.param('id'))) }))
    .patch('/:id', async (c) => {
      const body = asObject(await readJson(c, BODY_LIMIT));
      const primaryMetric = optionalString(body, 'primary_metric');
      const direction = optionalEnum(body, 'direction', DIRECTIONS);
      const name = optionalString(body, 'name');
      const description = optionalString(body, 'description');
      const project = await projects.update(c.req.param('id'), {
        ...(name === undefined ? {} : { name }),
        ...(description === undefined ? {} : { description }),
        ...(primaryMetric === undefined ? {} : { primaryMetric }),
        ...(direction === undefined ? {} : { direction }),
      });
      return c.json({ project: projectJson(project) });
    })
    .delete('/:id', async (c) => {
      await projects.delete(c.req.param('id'));
      return c.json({});
    })
    .post('/:id/restore', async (c) => {
      await projects.restore(c.req.param('id'));
      return c.json({});
    });
}
