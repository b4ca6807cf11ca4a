import { describe, expect, it } from 'vitest';
import { api } from '../contract/index.js';
import { type HTTPError, isHTTPError } from './errors.js';
import { Transport } from './transport.js';

/** A server that refuses the first `refusals` requests with `status` and `retryAfter`, then answers. */
function refusingFetch(refusals: number, status: number, retryAfter: string) {
  const sent: string[] = [];
  const fetch = async (request: Request) => {
    sent.push(request.method);
    if (sent.length <= refusals) {
      return Response.json(
        { error_code: 'RESOURCE_EXHAUSTED', message: 'busy' },
        { status, headers: { 'retry-after': retryAfter } },
      );
    }
    return Response.json({});
  };
  return { sent, fetch };
}

describe('Retry-After', () => {
  it('is read as seconds or an HTTP date, and capped at 30 s', async () => {
    for (const [header, expected] of [
      ['2', 2000],
      ['3600', 30_000],
      [new Date(Date.now() - 60_000).toUTCString(), 0],
      ['soon', undefined],
    ] as const) {
      const server = refusingFetch(1, 429, header);
      const transport = new Transport({ uri: 'http://ratchet.test', fetch: server.fetch, retries: 0 });
      const error = await transport.call(api.runs.get, { params: { id: 'r' } }).catch((e: unknown) => e);
      expect(isHTTPError(error)).toBe(true);
      expect([header, (error as HTTPError).retryAfterMs]).toEqual([header, expected]);
    }
  });

  it('lets even a non-idempotent request be sent again after a refusal, which nothing processed', async () => {
    const server = refusingFetch(2, 503, '0');
    const transport = new Transport({
      uri: 'http://ratchet.test',
      fetch: server.fetch,
      retryDelayMs: 60_000,
    });
    await transport.call(api.runs.restore, { params: { id: 'r' } });
    expect(server.sent).toEqual(['POST', 'POST', 'POST']);
  });

  it('does not make a 500 without it retryable for a non-idempotent request', async () => {
    const server = refusingFetch(1, 500, '');
    const transport = new Transport({ uri: 'http://ratchet.test', fetch: server.fetch });
    await expect(transport.call(api.runs.restore, { params: { id: 'r' } })).rejects.toThrow(/500/);
    expect(server.sent).toEqual(['POST']);
  });
});
