import { isUtf8 } from 'node:buffer';
import type { Context } from 'hono';
import { RatchetError } from '../core/errors.js';
import { type BodyValueRules, checkBodyValues } from './body-values.js';

/**
 * Reads a JSON body, refusing it (before buffering all of it) when it is larger than `maxBytes`.
 * Malformed JSON is MALFORMED_REQUEST; an empty body reads as {}; values are checked with `rules`.
 */
export async function readJson(c: Context, maxBytes: number, rules: BodyValueRules): Promise<unknown> {
  return parseJson(await readBody(c, maxBytes), rules);
}

/** The whole body, refused (before buffering all of it) when it is larger than `maxBytes`. */
export async function readBody(c: Context, maxBytes: number): Promise<Uint8Array> {
  const declared = declaredLengthOf(c.req.raw);
  if (declared !== undefined && declared > maxBytes) throw tooLarge(maxBytes);
  // With a declared length within the limit (the server reads no more than it), the body is read in one go:
  // on Node this skips the web stream, which costs more than parsing on the ingest path.
  return declared !== undefined
    ? new Uint8Array(await c.req.raw.arrayBuffer())
    : readLimited(c.req.raw.body, maxBytes);
}

/** The request's Content-Length, or undefined when it has none (a chunked body). */
export function declaredLengthOf(request: Request): number | undefined {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  return Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
}

/**
 * JSON from request bytes; malformed JSON or bytes that are not UTF-8 (which decoding would silently replace)
 * are MALFORMED_REQUEST, no bytes read as {}.
 */
export function parseJson(bytes: Uint8Array, rules: BodyValueRules): unknown {
  if (bytes.byteLength === 0) return {};
  if (!isUtf8(bytes)) throw new RatchetError('MALFORMED_REQUEST', 'The request body is not valid UTF-8.');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new RatchetError(
      'MALFORMED_REQUEST',
      `Malformed JSON in request body: ${(error as Error).message}`,
    );
  }
  checkBodyValues(body, rules);
  return body;
}

/** A body of unknown length, refused as soon as it passes `maxBytes`. */
async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** A body over the route's limit: 413 on /api/v1; MLflow's routes keep MLflow's 400. */
export class BodyTooLargeError extends RatchetError {
  constructor(maxBytes: number) {
    super('INVALID_PARAMETER_VALUE', `Request body exceeds the limit of ${maxBytes} bytes.`);
  }
}

function tooLarge(maxBytes: number): RatchetError {
  return new BodyTooLargeError(maxBytes);
}
