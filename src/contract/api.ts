import type { Route } from './route.js';
import { metaRoutes } from './routes/meta.js';
import { modelAlertRoutes } from './routes/model-alerts.js';
import { modelRegistryRoutes } from './routes/model-registry.js';
import { modelServingRoutes } from './routes/model-serving.js';
import { predictionRoutes } from './routes/predictions.js';
import { projectRoutes } from './routes/projects.js';
import { recordRoutes } from './routes/record.js';
import { runRoutes } from './routes/runs.js';
import { sessionRoutes } from './routes/session.js';
import { trialRoutes } from './routes/trials.js';

/** The native API (`/api/v1`), every route declared once. */
export const api = {
  projects: projectRoutes,
  runs: runRoutes,
  trials: trialRoutes,
  record: recordRoutes,
  predictions: predictionRoutes,
  modelAlerts: modelAlertRoutes,
  serving: modelServingRoutes,
  registry: modelRegistryRoutes,
  meta: metaRoutes,
  session: sessionRoutes,
} as const;

export function allRoutes(): Route[] {
  return Object.values(api).flatMap((group) => Object.values(group) as Route[]);
}
