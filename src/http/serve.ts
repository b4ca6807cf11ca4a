import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const KEEP_ALIVE_MS = 65_000;

/** Serves the app on host:port (port 0 picks a free one); resolves once it is listening. */
export function listen(app: Hono, { host = '127.0.0.1', port = 5000 } = {}): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    // Clients reuse an idle connection until shortly before the server's advertised keep-alive timeout. With
    // Node's default of 5 s, a request sent 3–5 s after the last one on a loaded machine can meet the
    // server's close ("other side closed"), and a POST is not retried; a long timeout moves that race to
    // minute-long pauses, as load balancers do.
    if ('keepAliveTimeout' in server) {
      server.keepAliveTimeout = KEEP_ALIVE_MS;
      server.headersTimeout = KEEP_ALIVE_MS + 1_000;
    }
    server.once('error', reject);
  });
}
