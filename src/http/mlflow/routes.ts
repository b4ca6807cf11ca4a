import type { Hono } from 'hono';
import type { Services } from '../../tracking/services.js';

/**
 * The MLflow-compatible API. Each module registers its routes relative to `/api/2.0/mlflow`; they are
 * mounted there and mirrored under `/ajax-api/2.0/mlflow` (what MLflow's web UI calls).
 */
export type MlflowRouteModule = (services: Services) => Hono;

export function mountMlflow(app: Hono, services: Services, modules: MlflowRouteModule[]): void {
  for (const module of modules) {
    const routes = module(services);
    app.route('/api/2.0/mlflow', routes);
    app.route('/ajax-api/2.0/mlflow', routes);
  }
}
