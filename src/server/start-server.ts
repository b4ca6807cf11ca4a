import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { listen, type RunningServer } from '../http/serve.js';
import { openServer } from './open-server.js';

export interface ServerOptions {
  /** SQLite file or postgres://… URL. */
  store: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Artifact root directory, created when missing. */
  artifacts: string;
}

/** Serves the app over the store on host:port; `close()` stops listening, then closes the store. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const artifactRoot = resolve(options.artifacts);
  mkdirSync(artifactRoot, { recursive: true });
  const opened = await openServer(options.store, { artifactRoot });
  const server = await listen(opened.app, { host: options.host, port: options.port }).catch(
    async (error: unknown) => {
      await opened.close();
      throw error;
    },
  );
  return {
    url: server.url,
    async close() {
      await server.close();
      await opened.close();
    },
  };
}
