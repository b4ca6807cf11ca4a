import { Hono } from 'hono';
import { api } from '../../contract/index.js';
import { pollingEventStream } from '../event-stream.js';
import type { Services } from '../services.js';
import { implement } from './implement.js';

export interface ProjectEventOptions {
  /** How often the project's revision is read (the server keeps no state: several may serve one database). */
  pollMs?: number;
  keepAliveMs?: number;
}

/** `GET /api/v1/projects/{id}/events`: a `change` event whenever the project's revision changes. */
export function projectEventRoutes(
  { projects }: Services,
  { pollMs = 1000, keepAliveMs = 15_000 }: ProjectEventOptions = {},
): Hono {
  const app = new Hono();
  implement(app, api.projects.events, async ({ params }, c) => {
    const project = await projects.get(params.id);
    const route = api.projects.events.response;
    return pollingEventStream(route.event, async () => ({ revision: await projects.revision(project.id) }), {
      pollMs,
      keepAliveMs,
      signal: c.req.raw.signal,
    });
  });
  return app;
}
