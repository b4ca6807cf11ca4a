import { Hono } from 'hono';
import type { AuthMode } from '../core/api-token.js';
import { type AdmissionOptions, mountAdmission } from './admission/index.js';
import { mountAuth } from './auth/mount.js';
import { endpointNotFound, handleError } from './errors.js';
import { mountPerimeter, type PerimeterOptions } from './perimeter/index.js';
import { mountRequestScope, type RequestScope } from './request-scope.js';
import type { Services } from './services.js';
import { modelServingRoutes } from './v1/model-serving.js';
import { predictionRoutes } from './v1/predictions.js';

/**
 * A serving-only server (`ratchet serve`): built-in model serving and the prediction log with its feedback,
 * and nothing else (no tracking API, no web UI).
 */
export function createServingApp(
  services: Services,
  {
    perimeter,
    auth = 'auto',
    requestScope,
    admission,
  }: {
    perimeter?: PerimeterOptions;
    auth?: AuthMode;
    requestScope?: RequestScope;
    admission?: AdmissionOptions;
  } = {},
): Hono {
  const app = new Hono();
  app.onError(handleError);
  mountRequestScope(app, requestScope);
  mountPerimeter(app, perimeter);
  app.get('/health', (c) => c.text('OK'));
  mountAuth(app, services.tokens, auth);
  mountAdmission(app, admission);
  app.route('/', modelServingRoutes(services));
  app.route('/', predictionRoutes(services));
  app.all('*', endpointNotFound);
  return app;
}
