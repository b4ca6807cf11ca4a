import { QueryError } from './errors.js';

export interface PageToken {
  readonly offset: number;
}

/** Base64 of `{"offset": n}`, byte-identical to MLflow's SQL store tokens. */
export function encodePageToken({ offset }: PageToken): string {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`Invalid page offset ${offset}`);
  return btoa(`{"offset": ${offset}}`);
}

/** An absent or empty token means the first page. Anything undecodable is a {@link QueryError}. */
export function decodePageToken(token: string | null | undefined): PageToken {
  if (!token) return { offset: 0 };
  let json: string;
  try {
    json = atob(token);
  } catch {
    throw new QueryError('Invalid page token, could not base64-decode');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new QueryError('Invalid page token, decoded value is not JSON');
  }
  const raw =
    typeof parsed === 'object' && parsed !== null ? (parsed as { offset?: unknown }).offset : undefined;
  // MLflow accepts the offset as an integer or a string of digits.
  const offset = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
    throw new QueryError('Invalid page token, expected {"offset": <non-negative integer>}');
  }
  return { offset };
}
