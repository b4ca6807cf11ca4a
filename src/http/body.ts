import type { Context } from 'hono';
import { invalidParameter, RatchetError } from '../core/errors.js';

/**
 * Reads a JSON body, refusing it (before buffering all of it) when it is larger than `maxBytes`.
 * Malformed JSON is MALFORMED_REQUEST; an empty body reads as {}.
 */
export async function readJson(c: Context, maxBytes: number): Promise<unknown> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const body = c.req.raw.body;
  if (body === null) return {};
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  if (size === 0) return {};
  const text = Buffer.concat(chunks, size).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RatchetError(
      'MALFORMED_REQUEST',
      `Malformed JSON in request body: ${(error as Error).message}`,
    );
  }
}

function tooLarge(maxBytes: number): RatchetError {
  return invalidParameter(`Request body exceeds the limit of ${maxBytes} bytes.`);
}
