import type { z } from 'zod';
import { allRoutes } from './api.js';
import { errorBody } from './errors.js';
import type { Route } from './route.js';
import { wireJsonSchema } from './wire.js';

/** The contract as an OpenAPI 3.1 document (whose schemas are JSON Schema 2020-12, what zod emits). */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of allRoutes()) {
    paths[r.path] ??= {};
    paths[r.path]![r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ratchet native API',
      version,
      description:
        'JSON in snake_case. NaN and ±Infinity travel as "NaN", "Infinity" and "-Infinity" where a number may ' +
        'be non-finite. Errors carry MLflow’s error codes.',
    },
    paths,
    components: { schemas: { Error: wireJsonSchema(errorBody) } },
  };
}

function operation(r: Route): Record<string, unknown> {
  const parameters = [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')];
  const content = responseContent(r.response);
  return {
    summary: r.summary,
    tags: [r.tag],
    operationId: operationId(r),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(r.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: wireJsonSchema(r.body) } },
          },
        }
      : {}),
    responses: {
      '200': { description: 'OK', content },
      default: {
        description: 'An error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
}

function responseContent(response: Route['response']): Record<string, unknown> {
  switch (response.kind) {
    case 'json':
      return { 'application/json': { schema: wireJsonSchema(response.schema) } };
    case 'events':
      return {
        'text/event-stream': {
          schema: { type: 'string' },
          description: `Server-Sent Events named \`${response.event}\`, each with JSON data of this schema.`,
          'x-event-data-schema': wireJsonSchema(response.schema),
        },
      };
    case 'text':
      return Object.fromEntries(response.mediaTypes.map((type) => [type, { schema: { type: 'string' } }]));
  }
}

function parametersOf(schema: z.ZodObject | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    schema: wireJsonSchema(field as z.ZodType),
  }));
}

function operationId(r: Route): string {
  const words = r.path
    .replace('/api/v1/', '')
    .split(/[/{}-]+/)
    .filter((w) => w !== '');
  return [r.method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}
