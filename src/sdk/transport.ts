import type { RequestInput, ResponseData, Route } from '../contract/index.js';
import { fillPath } from '../contract/index.js';
import {
  type ErrorBody,
  HTTPError,
  isRetryable,
  NetworkError,
  ProtocolError,
  retryAfterOf,
  TimeoutError,
} from './errors.js';

/** The longest Retry-After honoured: a server asking for more is asked again sooner. */
const MAX_RETRY_AFTER_MS = 30_000;

export interface TransportOptions {
  uri: string;
  /** Per attempt. */
  timeoutMs?: number;
  /**
   * Extra attempts for idempotent requests after a network error, timeout, 5xx or 429 (and for any request
   * the server refused unprocessed with Retry-After, waiting as long as it asked, up to 30 s).
   */
  retries?: number;
  /** First backoff; doubles with each attempt. */
  retryDelayMs?: number;
  /** Any fetch: the global one, or an in-process app's (`app.fetch`) to talk to a server without a socket. */
  fetch?: (request: Request) => Response | Promise<Response>;
  /** An API token, sent as `Authorization: Bearer …` with every request (for a server that asks for one). */
  token?: string;
}

export interface CallOptions {
  /** Only idempotent requests are retried (GETs, and writes the server deduplicates or that overwrite). */
  idempotent?: boolean;
}

/** Calls routes of the contract: builds each request from it and reads each answer with it. */
export class Transport {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly fetchImpl: (request: Request) => Response | Promise<Response>;
  private readonly authorization: Record<string, string>;

  constructor(options: TransportOptions) {
    this.base = options.uri.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 200;
    this.fetchImpl = options.fetch ?? ((request) => globalThis.fetch(request));
    this.authorization = options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
  }

  async call<R extends Route>(
    route: R,
    input: RequestInput<R>,
    options: CallOptions = {},
  ): Promise<ResponseData<R>> {
    const attempts = 1 + (options.idempotent || route.method === 'GET' ? this.retries : 0);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(route, input);
      } catch (error) {
        // A refusal with Retry-After (admission control) comes before any processing: safe to send again.
        const refusedUnprocessed = retryAfterOf(error) !== undefined && attempt <= this.retries;
        if ((attempt >= attempts && !refusedUnprocessed) || !isRetryable(error)) throw error;
        await this.waitBeforeRetry(error, attempt);
      }
    }
  }

  /**
   * Opens a route's streaming response (an event stream) and returns it once its headers arrived; an error
   * status is thrown as for `call`. It stays open until `signal` aborts or the server ends it.
   */
  async open<R extends Route>(route: R, input: RequestInput<R>, signal?: AbortSignal): Promise<Response> {
    // As an EventSource does: a server shutting down ends the streams it knows are streams at once.
    const { response, request } = await this.send(route, input, signal, { accept: 'text/event-stream' });
    if (!response.ok) throw await httpError(response, request);
    return response;
  }

  /**
   * A raw upload outside the contract (the MLflow artifact proxy's file PUTs, which overwrite and so are
   * retried like idempotent calls); an error status is thrown as for `call`.
   */
  async put(
    path: string,
    body: string | Uint8Array<ArrayBuffer>,
    contentType = 'application/octet-stream',
  ): Promise<void> {
    const url = `${this.base}${path}`;
    const request = { method: 'PUT', url };
    for (let attempt = 1; ; attempt++) {
      try {
        let response: Response;
        try {
          response = await this.fetchImpl(
            new Request(url, {
              method: 'PUT',
              headers: { ...this.authorization, 'content-type': contentType },
              body,
              signal: AbortSignal.timeout(this.timeoutMs),
            }),
          );
        } catch (error) {
          throw new NetworkError(`PUT ${url} failed: ${(error as Error).message}`, error);
        }
        if (!response.ok) throw await httpError(response, request);
        await response.body?.cancel();
        return;
      } catch (error) {
        if (attempt > this.retries || !isRetryable(error)) throw error;
        await this.waitBeforeRetry(error, attempt);
      }
    }
  }

  /** The server's Retry-After when it gave one, else exponential backoff. */
  private waitBeforeRetry(error: unknown, attempt: number): Promise<void> {
    return sleep(retryAfterOf(error) ?? this.retryDelayMs * 2 ** (attempt - 1));
  }

  private async once<R extends Route>(route: R, input: RequestInput<R>): Promise<ResponseData<R>> {
    const { response, request } = await this.send(route, input, AbortSignal.timeout(this.timeoutMs));
    if (!response.ok) throw await httpError(response, request);
    const text = await response.text();
    if (route.response.kind === 'text') return text as ResponseData<R>;
    const parsed = route.response.schema.safeParse(parseJson(text));
    if (!parsed.success) throw new ProtocolError(request, parsed.error.issues.slice(0, 5));
    return parsed.data as ResponseData<R>;
  }

  private async send<R extends Route>(
    route: R,
    input: RequestInput<R>,
    signal?: AbortSignal,
    headers: Record<string, string> = {},
  ) {
    const parts = input as {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    const url = new URL(this.base + fillPath(route.path, parts.params));
    for (const [key, value] of Object.entries(parts.query ?? {})) {
      for (const item of [value].flat()) if (item !== undefined) url.searchParams.append(key, String(item));
    }
    const request = { method: route.method, url: url.toString() };
    try {
      const response = await this.fetchImpl(
        new Request(url, {
          method: route.method,
          headers: {
            ...this.authorization,
            ...headers,
            ...(parts.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(parts.body === undefined ? {} : { body: JSON.stringify(parts.body) }),
          ...(signal === undefined ? {} : { signal }),
        }),
      );
      return { response, request };
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') {
        throw new TimeoutError(`${route.method} ${url} timed out after ${this.timeoutMs} ms`);
      }
      throw new NetworkError(`${route.method} ${url} failed: ${(error as Error).message}`, error);
    }
  }
}

async function httpError(response: Response, request: { method: string; url: string }) {
  const body = parseErrorBody(await response.text());
  return new HTTPError(response.status, body, request, retryAfterMsOf(response));
}

/** Retry-After (seconds, or an HTTP date) on a 429 or 503, capped; undefined when absent or unreadable. */
function retryAfterMsOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after')?.trim();
  if ((response.status !== 429 && response.status !== 503) || !header) return undefined;
  const ms = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parseErrorBody(text: string): ErrorBody {
  const parsed = parseJson(text);
  return typeof parsed === 'object' && parsed !== null ? (parsed as ErrorBody) : { message: text };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
