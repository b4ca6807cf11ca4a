/** Schemes whose user name is commonly a token (`https://ghp_…@github.com/…`); ssh's is just an account. */
const TOKEN_USER_SCHEMES = new Set(['http:', 'https:', 'ftp:', 'ftps:']);

/** A git remote URL fit to record: no password, no token in the user name or the query. */
export function stripCredentials(remote: string): string {
  const url = parseUrl(remote);
  if (url === null) return stripScpLikeCredentials(remote);
  url.password = '';
  if (TOKEN_USER_SCHEMES.has(url.protocol)) url.username = '';
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** Only `scheme://…`: the URL parser would read scp syntax (`user:pw@host:path`) as scheme `user:`. */
const URL_SYNTAX = /^[a-z][a-z\d+.-]*:\/\//i;

function parseUrl(text: string): URL | null {
  if (!URL_SYNTAX.test(text)) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** `user:secret@host:path` (scp syntax) → `user@host:path`; a plain path is returned as it is. */
function stripScpLikeCredentials(remote: string): string {
  const at = remote.indexOf('@');
  if (at < 0) return remote;
  const userInfo = remote.slice(0, at);
  const colon = userInfo.indexOf(':');
  return colon < 0 ? remote : `${userInfo.slice(0, colon)}${remote.slice(at)}`;
}
