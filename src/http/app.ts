import { Hono } from 'hono';
import type { AuthMode } from '../core/api-token.js';
import { VERSION } from '../core/version.js';
import { type AdmissionOptions, mountAdmission } from './admission/index.js';
import { mountAuth } from './auth/mount.js';
import { endpointNotFound, handleError } from './errors.js';
import { mountArtifactProxy } from './mlflow/artifact-proxy.js';
import { artifactRoutes } from './mlflow/artifacts.js';
import { experimentRoutes } from './mlflow/experiments.js';
import { loggedModelRoutes } from './mlflow/logged-models.js';
import { ajaxMetricRoutes, metricRoutes } from './mlflow/metrics.js';
import { modelVersionRoutes } from './mlflow/registry/model-versions.js';
import { registeredModelRoutes } from './mlflow/registry/registered-models.js';
import { mountMlflow } from './mlflow/routes.js';
import { runIoRoutes } from './mlflow/run-io.js';
import { runLoggingRoutes } from './mlflow/run-logging.js';
import { runRoutes as mlflowRunRoutes } from './mlflow/runs.js';
import { mountPerimeter, type PerimeterOptions } from './perimeter/index.js';
import { mountRequestScope, type RequestScope } from './request-scope.js';
import type { Services } from './services.js';
import { modelAlertRoutes } from './v1/model-alerts.js';
import { modelRegistryRoutes } from './v1/model-registry.js';
import { modelServingRoutes } from './v1/model-serving.js';
import { openApiRoutes } from './v1/openapi.js';
import { predictionRoutes } from './v1/predictions.js';
import { type ProjectEventOptions, projectEventRoutes } from './v1/project-events.js';
import { projectRecordRoutes } from './v1/project-record.js';
import { projectRoutes } from './v1/projects.js';
import { runRoutes } from './v1/runs.js';
import { trialRoutes } from './v1/trials.js';
import { mountWebUi } from './web-ui.js';

export interface AppOptions {
  /** The built web UI's directory (default: the package's dist/web). */
  webRoot?: string;
  /** Polling of the projects' live event streams. */
  events?: ProjectEventOptions;
  /** Allowed hosts and CORS origins (default: loopback names only, no other origin). */
  perimeter?: PerimeterOptions;
  /** When requests need an API token (default `auto`: once the store holds a live one). */
  auth?: AuthMode;
  /** The scope each request is handled in, so its database work stops when its client goes away. */
  requestScope?: RequestScope;
  /** Caps on request bytes in flight and on concurrent heavy requests (defaults: generous). */
  admission?: AdmissionOptions;
}

/** The whole server as `fetch(Request) → Response`; tests drive it in-process with `app.request()`. */
export function createApp(services: Services, options: AppOptions = {}): Hono {
  const app = new Hono();
  app.onError(handleError);
  mountRequestScope(app, options.requestScope);
  mountPerimeter(app, options.perimeter);
  app.get('/health', (c) => c.text('OK'));
  app.get('/version', (c) => c.text(VERSION));
  mountAuth(app, services.tokens, options.auth ?? 'auto');
  mountAdmission(app, options.admission);
  for (const routes of [
    projectRoutes(services),
    runRoutes(services),
    trialRoutes(services),
    projectRecordRoutes(services),
    projectEventRoutes(services, options.events),
    predictionRoutes(services),
    modelAlertRoutes(services),
    modelServingRoutes(services),
    modelRegistryRoutes(services),
    openApiRoutes(),
  ]) {
    app.route('/', routes);
  }
  mountArtifactProxy(app, services);
  mountMlflow(
    app,
    services,
    [
      experimentRoutes,
      mlflowRunRoutes,
      runLoggingRoutes,
      runIoRoutes,
      metricRoutes,
      artifactRoutes,
      loggedModelRoutes,
      registeredModelRoutes,
      modelVersionRoutes,
    ],
    [ajaxMetricRoutes],
  );
  app.all('/api/v1/*', endpointNotFound);
  mountWebUi(app, options.webRoot);
  return app;
}
