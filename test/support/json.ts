/** A response body as JSON when it is JSON (error pages and plain text are not), else `fallback`. */
export function jsonOr<T>(text: string, fallback: T): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
