import { Ratchet } from '../sdk/index.js';
import { locateTarget, serverClient, type TargetOptions } from './target.js';

export interface RunnerTarget {
  client: Ratchet;
  /** Where the runner's children log: the server, or the embedded store served on loopback meanwhile. */
  trackingUri: string;
  /** The API token the server asks for, handed on to the children. */
  token?: string;
}

/**
 * Like `withClient`, for commands that start processes: those processes log over HTTP themselves, so an
 * embedded store is served on a loopback port for as long as the work lasts.
 */
export async function withRunnerTarget<T>(
  options: TargetOptions,
  work: (target: RunnerTarget) => Promise<T>,
): Promise<T> {
  const where = locateTarget(options, { create: true });
  if ('uri' in where) {
    return work({
      client: serverClient(where),
      trackingUri: where.uri,
      ...(where.token === undefined ? {} : { token: where.token }),
    });
  }
  const { startServer } = await import('../server/start-server.js');
  const server = await startServer({
    store: where.store,
    host: '127.0.0.1',
    port: 0,
    artifacts: where.artifactRoot,
    // The store's owner serving their own children on loopback for the length of the command.
    auth: 'off',
  });
  try {
    return await work({ client: new Ratchet({ uri: server.url }), trackingUri: server.url });
  } finally {
    await server.close();
  }
}
