import { Hono } from 'hono';
import { api } from '../../contract/index.js';
import type { Services } from '../services.js';
import { implement } from './implement.js';
import { MAX_PREDICTION_BODY_BYTES } from './predictions.js';

/** Built-in serving of registered `js` models, under /api/v1. */
export function modelServingRoutes({ serving }: Pick<Services, 'serving'>): Hono {
  const app = new Hono();
  implement(
    app,
    api.serving.predict,
    async ({ params, body }) => serving.predict(params.name, params.ref, body.inputs),
    // A predict batch may be as large as a prediction log batch (10,000 inputs).
    { maxBodyBytes: MAX_PREDICTION_BODY_BYTES },
  );
  return app;
}
