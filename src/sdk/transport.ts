import { type ErrorBody, HTTPError, isRetryable, NetworkError, TimeoutError } from './errors.js';

export interface TransportOptions {
  uri: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts for idempotent requests after a network error, timeout, 5xx or 429. */
  retries?: number;
  /** First backoff; doubles with each attempt. */
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  body?: unknown;
  /** Only idempotent requests are retried (GETs, and writes the server deduplicates). */
  idempotent?: boolean;
  /** The body as text instead of parsed JSON (e.g. a report). */
  text?: boolean;
  query?: Record<string, string | number | undefined>;
}

export class Transport {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: TransportOptions) {
    this.base = options.uri.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 200;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const attempts = 1 + (options.idempotent || method === 'GET' ? this.retries : 0);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once<T>(method, path, options);
      } catch (error) {
        if (attempt >= attempts || !isRetryable(error)) throw error;
        await sleep(this.retryDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  private async once<T>(method: string, path: string, options: RequestOptions): Promise<T> {
    const url = new URL(this.base + path);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') {
        throw new TimeoutError(`${method} ${url} timed out after ${this.timeoutMs} ms`);
      }
      throw new NetworkError(`${method} ${url} failed: ${(error as Error).message}`, error);
    }
    const text = await response.text();
    if (!response.ok)
      throw new HTTPError(response.status, parseErrorBody(text), { method, url: url.toString() });
    if (options.text) return text as T;
    return (text === '' ? {} : JSON.parse(text)) as T;
  }
}

function parseErrorBody(text: string): ErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) return parsed as ErrorBody;
  } catch {
    // not JSON: keep the text as the message
  }
  return { message: text };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
