import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { RequestError } from '@hono/node-server';

/**
 * What the Node adapter calls when it cannot make a Request of what arrived (a backslash in the path, a
 * Host it cannot parse): a JSON 400 in place of its empty one. The app itself never throws (its onError
 * answers), so anything else is a 500 in the same shape.
 */
export function requestErrorAsJson(error: unknown): Response {
  if (error instanceof RequestError) {
    return Response.json(
      { error_code: 'MALFORMED_REQUEST', message: `Malformed request: ${error.message}.` },
      { status: 400, headers: { 'X-Content-Type-Options': 'nosniff' } },
    );
  }
  console.error('[ratchet] request failed outside the app:', error);
  return Response.json({ error_code: 'INTERNAL_ERROR', message: 'Internal server error.' }, { status: 500 });
}

/**
 * Node answers a request its HTTP parser refuses (a raw backslash or control character in the URL, headers
 * over 16 KB) itself, with an empty body, before the app sees it. MLflow clients read every error as JSON,
 * so these get the app's error shape too.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] = refusal(error.code);
    const body = JSON.stringify({ error_code: code, message });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\n` +
        'Content-Type: application/json\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}

function refusal(code: string | undefined): [number, string, string, string] {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return [
      431,
      'Request Header Fields Too Large',
      'REQUEST_LIMIT_EXCEEDED',
      'The request line and headers exceed 16 KB.',
    ];
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return [408, 'Request Timeout', 'BAD_REQUEST', 'The request was not received in time.'];
  }
  return [400, 'Bad Request', 'MALFORMED_REQUEST', 'The HTTP request is malformed.'];
}
