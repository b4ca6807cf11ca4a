import type { Hono } from 'hono';
import type { AuthMode } from '../core/api-token.js';
import type { AdmissionOptions } from '../http/admission/index.js';
import { createApp } from '../http/app.js';
import type { PerimeterOptions } from '../http/perimeter/index.js';
import { createServingApp } from '../http/serving-app.js';
import { type Durability, openStore } from '../store/open-store.js';
import { withRequestSignal } from '../store/request-signal.js';
import { createServices, type ServiceOptions, type Services } from './services.js';

export interface OpenServerOptions extends ServiceOptions {
  now?: () => number;
  /** Only model serving and the prediction log (`ratchet serve`), not the whole app. */
  servingOnly?: boolean;
  /** Allowed hosts and CORS origins (default: loopback names only). */
  perimeter?: PerimeterOptions;
  /**
   * When requests need an API token: `auto` by default; or a choice made once the services exist (a
   * listening server asks the store). A process that owns the store itself (the CLI's embedded mode) says
   * `off`.
   */
  auth?: AuthMode | ((services: Services) => Promise<AuthMode>);
  /** SQLite's commit durability (default 'full'). */
  durability?: Durability;
  /** Caps on request bytes in flight and concurrent heavy requests. */
  admission?: AdmissionOptions;
}

/**
 * The whole server over one store, not listening: `startServer` serves its app on a port, and a client can
 * call it in-process instead (`app.fetch` is a fetch). `close()` closes the store.
 */
export interface OpenedServer {
  app: Hono;
  services: Services;
  close(): Promise<void>;
}

/** Opens (and migrates) the store at `location` and builds the services and the app over it. */
export async function openServer(location: string, options: OpenServerOptions = {}): Promise<OpenedServer> {
  const store = await openStore(
    location,
    options.durability === undefined ? {} : { durability: options.durability },
  );
  // A serving-only process exists to run its model's code.
  const services = createServices(store, options.now, {
    ...options,
    runModelCode: (options.runModelCode ?? false) || (options.servingOnly ?? false),
  });
  let auth: AuthMode;
  try {
    auth = typeof options.auth === 'function' ? await options.auth(services) : (options.auth ?? 'auto');
  } catch (error) {
    await store.close();
    throw error;
  }
  const appOptions = {
    perimeter: options.perimeter ?? {},
    auth,
    requestScope: withRequestSignal,
    admission: options.admission ?? {},
  };
  const app = options.servingOnly ? createServingApp(services, appOptions) : createApp(services, appOptions);
  return { app, services, close: () => store.close() };
}
