import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A JSON response described by its schema: the server sends its input side, clients read its output side. */
export interface JsonResponse<S extends z.ZodType = z.ZodType> {
  kind: 'json';
  schema: S;
}

/** A text document (e.g. a report) in one of several media types. */
export interface TextResponse {
  kind: 'text';
  mediaTypes: readonly string[];
}

/**
 * Server-Sent Events (`text/event-stream`): a stream of events whose `data` is JSON of the schema. Clients
 * read it with `EventSource` or a streaming fetch, not with a single call.
 */
export interface EventStreamResponse<S extends z.ZodType = z.ZodType> {
  kind: 'events';
  /** The event's name (`event:` line). */
  event: string;
  schema: S;
}

/**
 * One route of the native API, declared once: the server validates requests and types its handlers with it,
 * the SDK builds requests and reads responses with it, and the OpenAPI document is generated from it.
 * `path` uses OpenAPI's `{name}` placeholders; each names a field of `params`.
 */
export interface Route {
  method: Method;
  path: `/api/v1${string}`;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: JsonResponse | TextResponse | EventStreamResponse;
}

/** Declares a route, keeping its literal types (for typed handlers and SDK calls). */
export function route<const R extends Route>(declared: R): R {
  return declared;
}

export function json<S extends z.ZodType>(schema: S): JsonResponse<S> {
  return { kind: 'json', schema };
}

export function events<S extends z.ZodType>(event: string, schema: S): EventStreamResponse<S> {
  return { kind: 'events', event, schema };
}

export function text(...mediaTypes: string[]): TextResponse {
  return { kind: 'text', mediaTypes };
}

type Part<
  R extends Route,
  K extends 'params' | 'query' | 'body',
  Side extends 'in' | 'out',
> = R[K] extends z.ZodType ? (Side extends 'in' ? z.input<R[K]> : z.output<R[K]>) : undefined;

/** What a handler receives: every part of the request, validated and converted. */
export interface ValidInput<R extends Route> {
  params: Part<R, 'params', 'out'>;
  query: Part<R, 'query', 'out'>;
  body: Part<R, 'body', 'out'>;
}

/** What a client sends: the parts the route declares, in their wire form. */
export type RequestInput<R extends Route> = {
  [K in 'params' | 'query' | 'body' as R[K] extends z.ZodType ? K : never]: Part<R, K, 'in'>;
};

/** A text document and the media type it is in. */
export interface TextDocument {
  mediaType: string;
  text: string;
}

/** What the server sends (the wire form; an event stream is a streaming Response) … */
export type ResponseBody<R extends Route> =
  R['response'] extends JsonResponse<infer S>
    ? z.input<S>
    : R['response'] extends EventStreamResponse
      ? Response
      : TextDocument;

/** … and what a client gets once it has read it (non-finite numbers decoded, defaults applied). */
export type ResponseData<R extends Route> =
  R['response'] extends JsonResponse<infer S>
    ? z.output<S>
    : R['response'] extends EventStreamResponse<infer S>
      ? z.output<S>
      : string;

/** `/api/v1/runs/{id}` with `{ id: 'abc' }` → `/api/v1/runs/abc` (each value URL-encoded). */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new TypeError(`Missing path parameter '${name}'.`);
    return encodeURIComponent(String(value));
  });
}
