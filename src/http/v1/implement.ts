import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { ResponseBody, Route, TextDocument, ValidInput } from '../../contract/index.js';
import { readJson } from '../body.js';
import { detailsOf, type ErrorDetail, limitDetails, RequestValidationError } from '../request-errors.js';

export type Handler<R extends Route> = (input: ValidInput<R>, c: Context) => Promise<ResponseBody<R>>;

/** Bodies above this are refused before they are read; the batch-like routes raise it. */
const DEFAULT_BODY_LIMIT = 1_000_000;

/**
 * Serves one route of the contract: path, query and body are validated against it (a 400 names every bad
 * field), the handler receives them typed, and must answer with the contract's response type.
 */
export function implement<R extends Route>(
  app: Hono,
  route: R,
  handler: Handler<R>,
  { maxBodyBytes = DEFAULT_BODY_LIMIT } = {},
): void {
  app.on(route.method, honoPath(route.path), async (c) => {
    const input = await validInput(route, c, maxBodyBytes);
    const result = await handler(input, c);
    if (route.response.kind === 'events') return result as Response;
    if (route.response.kind === 'text') {
      const document = result as TextDocument;
      return c.body(document.text, 200, { 'content-type': `${document.mediaType}; charset=utf-8` });
    }
    return c.json(result as object);
  });
}

/** OpenAPI's `/runs/{id}` is Hono's `/runs/:id`. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

async function validInput<R extends Route>(
  route: R,
  c: Context,
  maxBodyBytes: number,
): Promise<ValidInput<R>> {
  const details: ErrorDetail[] = [];
  const parse = (schema: z.ZodType | undefined, value: unknown, where: string) => {
    if (schema === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    details.push(...detailsOf(where, parsed.error));
    return undefined;
  };
  const params = parse(route.params, c.req.param(), 'path');
  const query = parse(route.query, queryObject(c.req.url), 'query');
  const body =
    route.body === undefined
      ? undefined
      : parse(route.body, await readJson(c, maxBodyBytes, { finiteNumbers: true }), 'body');
  if (details.length > 0) throw new RequestValidationError(limitDetails(details));
  return { params, query, body } as ValidInput<R>;
}

/** Each query key once as a string, or as an array when it repeats (`?order_by=a&order_by=b`). */
function queryObject(url: string): Record<string, string | string[]> {
  const byKey = new Map<string, string | string[]>();
  for (const [key, value] of new URL(url).searchParams) {
    const seen = byKey.get(key);
    byKey.set(key, seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]);
  }
  return Object.fromEntries(byKey);
}
