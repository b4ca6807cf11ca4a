import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AdmissionOptions } from '../http/admission/index.js';
import { isLoopbackHost, type PerimeterOptions } from '../http/perimeter/index.js';
import { listen, type RunningServer } from '../http/serve.js';
import type { Durability } from '../store/open-store.js';
import type { ArtifactLimits } from '../tracking/artifact-limits.js';
import { openServer } from './open-server.js';
import { type ServerAuthOptions, serverAuthMode } from './server-auth.js';
import type { Services } from './services.js';

export type { Durability };

export interface ServerOptions extends ServerAuthOptions {
  /** SQLite file or postgres://… URL. */
  store: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Artifact root directory, created when missing. */
  artifacts: string;
  /** Only model serving and the prediction log (`ratchet serve`). */
  servingOnly?: boolean;
  /** Serve registry models whose code runs in this process (`--serve-models`; always so when servingOnly). */
  runModelCode?: boolean;
  /** Checked before listening (e.g. that the served model loads); a failure closes the store and rejects. */
  ready?: (services: Services) => Promise<void>;
  /** Host names answered besides the loopback names and `host` itself, and the CORS origins. */
  perimeter?: PerimeterOptions;
  /** SQLite's commit durability (default 'full'). */
  durability?: Durability;
  /** Caps on request bytes in flight and concurrent heavy requests. */
  admission?: AdmissionOptions;
  /** Per-artifact, per-run and free-disk bounds on artifact uploads. */
  artifactLimits?: ArtifactLimits;
}

/**
 * Serves the app over the store on host:port; `close()` stops listening, lets the requests in flight finish,
 * then closes the store.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const artifactRoot = resolve(options.artifacts);
  mkdirSync(artifactRoot, { recursive: true });
  const opened = await openServer(options.store, {
    artifactRoot,
    servingOnly: options.servingOnly ?? false,
    runModelCode: options.runModelCode ?? false,
    perimeter: {
      ...options.perimeter,
      // The name the server was told to bind is one it is known by.
      allowedHosts: [options.host, ...(options.perimeter?.allowedHosts ?? [])],
    },
    auth: (services) => serverAuthMode(options.host, options, services.tokens),
    ...(options.durability === undefined ? {} : { durability: options.durability }),
    admission: options.admission ?? {},
    artifactLimits: options.artifactLimits ?? {},
  });
  if (!isLoopbackHost(options.host)) {
    process.stderr.write(
      `Warning: --host ${options.host} makes this server reachable from the network${options.insecureNoAuth ? ' with no token required: anyone who reaches it can read and change everything' : ''} (clients that use another name than the address need --allowed-hosts).\n`,
    );
  }
  const server = await (async () => {
    await options.ready?.(opened.services);
    return listen(opened.app, { host: options.host, port: options.port });
  })().catch(async (error: unknown) => {
    await opened.close();
    throw error;
  });
  return {
    url: server.url,
    async close(options) {
      await server.close(options);
      await opened.close();
    },
  };
}
