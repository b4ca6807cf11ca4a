/**
 * The token a request presents in its Authorization header: `Bearer <token>` (what MLflow clients send for
 * MLFLOW_TRACKING_TOKEN) or Basic auth whose password is the token (MLFLOW_TRACKING_USERNAME/PASSWORD; the
 * username is not checked). Null when there is no header; '' when there is one Ratchet cannot read.
 */
export function presentedToken(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const [scheme = '', value = ''] = authorization.trim().split(/\s+/, 2);
  switch (scheme.toLowerCase()) {
    case 'bearer':
      return value;
    case 'basic':
      return basicPassword(value);
    default:
      return '';
  }
}

function basicPassword(encoded: string): string {
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
  const colon = decoded.indexOf(':');
  return colon < 0 ? '' : decoded.slice(colon + 1);
}
