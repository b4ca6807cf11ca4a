/** An error answer of the API, with what the UI shows from it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly position: number | undefined,
  ) {
    super(message);
  }
}

/** The server has no such endpoint (an older server): callers fall back to the routes every server has. */
export const isMissingEndpoint = (error: unknown) =>
  error instanceof ApiError && error.code === 'ENDPOINT_NOT_FOUND';

/**
 * GET a JSON route of /api/v1 that the SDK does not offer yet (the UI endpoints of the agreed spec); swap for
 * the SDK's methods once they exist.
 */
export async function getJson<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  const response = await fetch(url);
  const text = await response.text();
  const body = parse(text) as Record<string, unknown> | null;
  if (!response.ok) {
    const message = typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`;
    const code = typeof body?.error_code === 'string' ? body.error_code : undefined;
    throw new ApiError(message, response.status, code, positionOf(body));
  }
  return body as T;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A filter error's position: an optional `position` field, or one in its details. */
function positionOf(body: Record<string, unknown> | null): number | undefined {
  if (typeof body?.position === 'number') return body.position;
  const details = Array.isArray(body?.details) ? (body.details as { position?: unknown }[]) : [];
  const found = details.find((d) => typeof d.position === 'number');
  return found?.position as number | undefined;
}
