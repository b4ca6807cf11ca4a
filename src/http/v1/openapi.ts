import { Hono } from 'hono';
import { api, openApiDocument } from '../../contract/index.js';
import { VERSION } from '../../core/version.js';
import { implement } from './implement.js';

/** The contract as an OpenAPI 3.1 document, built once. */
export function openApiRoutes(): Hono {
  const app = new Hono();
  const document = openApiDocument(VERSION);
  implement(app, api.meta.openapi, async () => document);
  return app;
}
