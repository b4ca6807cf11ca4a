import type { Hono } from 'hono';
import { endpointNotFound, handleMlflowError } from '../errors.js';
import type { Services } from '../services.js';
import { ARTIFACT_PROXY_PREFIXES } from './artifact-proxy.js';

/**
 * The MLflow-compatible API. Each module registers its routes relative to `/api/2.0/mlflow`; they are
 * mounted there and mirrored under `/ajax-api/2.0/mlflow` (what MLflow's web UI calls). `ajaxOnly` modules
 * are mounted under `/ajax-api/2.0/mlflow` alone (MLflow's UI-only routes). Their errors speak MLflow's words.
 * Mount the artifact proxy first: its paths get the same 405 and 404 answers.
 */
export type MlflowRouteModule = (services: Services) => Hono;

const API = '/api/2.0/mlflow';
const AJAX_API = '/ajax-api/2.0/mlflow';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function mountMlflow(
  app: Hono,
  services: Services,
  modules: MlflowRouteModule[],
  ajaxOnly: MlflowRouteModule[] = [],
): void {
  for (const module of modules) {
    const routes = module(services).onError(handleMlflowError);
    app.route(API, routes);
    app.route(AJAX_API, routes);
  }
  for (const module of ajaxOnly) app.route(AJAX_API, module(services).onError(handleMlflowError));
  refuseOtherMethods(app);
  answerUnknownEndpoints(app);
}

/**
 * A path MLflow serves, asked with a method it does not serve, answers 405 with `Allow` (as Flask does).
 * Registered after every route, so a real route always wins.
 */
function refuseOtherMethods(app: Hono): void {
  const allowed = new Map<string, Set<string>>();
  for (const { method, path } of app.routes) {
    if (!path.startsWith('/api/2.0/') && !path.startsWith('/ajax-api/2.0/')) continue;
    if (!METHODS.includes(method)) continue;
    allowed.set(path, (allowed.get(path) ?? new Set()).add(method));
  }
  for (const [path, methods] of allowed) {
    const others = METHODS.filter((m) => !methods.has(m));
    if (others.length === 0) continue;
    const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    app.on(others, path, (c) => c.text('Method Not Allowed', 405, { Allow: allow }));
  }
}

/** Longest stretch of an unknown path an error message repeats. */

/**
 * MLflow clients read every error as JSON, so any other path under an MLflow prefix answers 404
 * `ENDPOINT_NOT_FOUND`. Registered last, after the routes and their 405s.
 */
function answerUnknownEndpoints(app: Hono): void {
  for (const prefix of [API, AJAX_API, ...ARTIFACT_PROXY_PREFIXES]) {
    app.all(`${prefix}/*`, endpointNotFound);
  }
}
