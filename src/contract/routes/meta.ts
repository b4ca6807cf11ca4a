import { z } from 'zod';
import { json, route } from '../route.js';

export const metaRoutes = {
  openapi: route({
    method: 'GET',
    path: '/api/v1/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'Meta',
    response: json(z.record(z.string(), z.unknown())),
  }),
} as const;
