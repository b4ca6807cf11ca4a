import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { answerClientErrorsAsJson, requestErrorAsJson } from './client-errors.js';

export interface RunningServer {
  url: string;
  /**
   * Stops accepting connections, lets the requests in flight finish (for up to `graceMs`, default 10 s, then
   * drops them), and resolves once every connection is closed.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

const KEEP_ALIVE_MS = 65_000;
const GRACE_MS = 10_000;
const IDLE_SWEEP_MS = 100;

/** Serves the app on host:port (port 0 picks a free one); resolves once it is listening. */
export function listen(app: Hono, { host = '127.0.0.1', port = 5000 } = {}): Promise<RunningServer> {
  const streams = new Set<ServerResponse>();
  return new Promise((resolve, reject) => {
    const server = createServer(
      getRequestListener(app.fetch, { hostname: host, errorHandler: requestErrorAsJson }),
    );
    server.listen(port, host, () => {
      const info = server.address() as AddressInfo;
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        close: ({ graceMs = GRACE_MS } = {}) => drain(server, graceMs, streams),
      });
    });
    // Clients reuse an idle connection until shortly before the server's advertised keep-alive timeout. With
    // Node's default of 5 s, a request sent 3–5 s after the last one on a loaded machine can meet the
    // server's close ("other side closed"), and a POST is not retried; a long timeout moves that race to
    // minute-long pauses, as load balancers do.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1_000;
    server.once('error', reject);
    answerClientErrorsAsJson(server);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (!request.headers.accept?.includes('text/event-stream')) return;
      streams.add(response);
      response.once('close', () => streams.delete(response));
    });
  });
}

/**
 * `server.close()` refuses new connections but waits for open ones, and a kept-alive connection stays open
 * after its last response: idle connections are closed as they become idle, busy ones get `graceMs`.
 */
function drain(server: Server, graceMs: number, streams: Set<ServerResponse>): Promise<void> {
  return new Promise<void>((done, fail) => {
    // An event stream never finishes by itself; its client (an EventSource) reconnects when it ends. Known by
    // the request's Accept, as EventSource and the SDK send it; any other stream is cut at the grace period.
    for (const stream of streams) stream.destroy();
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close((error) => {
      clearInterval(sweep);
      clearTimeout(deadline);
      if (error) fail(error);
      else done();
    });
    server.closeIdleConnections();
  });
}
