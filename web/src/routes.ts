/**
 * Every view of the UI is a URL (shareable links, the back button works): parsing and printing them is plain
 * TypeScript, tested without a browser. Search parameters carry the rest of a view (filters, columns, zoom).
 */
export type Route =
  | { page: 'projects' }
  | { page: 'project'; project: string }
  | { page: 'runs'; project: string }
  | { page: 'trial'; project: string; number: number }
  | { page: 'compare' }
  | { page: 'models' }
  | { page: 'predictions'; model: string }
  | { page: 'errors'; model: string }
  | { page: 'aliases'; model: string }
  | { page: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  const parts = pathname
    .split('/')
    .filter((p) => p !== '')
    .map((p) => safeDecode(p));
  const [first, project, section, number] = parts;
  if (parts.length === 0) return { page: 'projects' };
  if (first === 'compare' && parts.length === 1) return { page: 'compare' };
  if (first === 'models' && parts.length === 1) return { page: 'models' };
  const [, model] = parts;
  if (first === 'models' && model !== undefined && parts.length === 3) {
    if (section === 'predictions') return { page: 'predictions', model };
    if (section === 'errors') return { page: 'errors', model };
    if (section === 'aliases') return { page: 'aliases', model };
  }
  if (first === 'projects' && project !== undefined) {
    if (parts.length === 2) return { page: 'project', project };
    if (section === 'runs' && parts.length === 3) return { page: 'runs', project };
    if (section === 'trials' && number !== undefined && parts.length === 4 && /^[1-9]\d*$/.test(number)) {
      return { page: 'trial', project, number: Number(number) };
    }
  }
  return { page: 'not-found', path: pathname };
}

export function routePath(route: Exclude<Route, { page: 'not-found' }>): string {
  switch (route.page) {
    case 'projects':
      return '/';
    case 'project':
      return `/projects/${encodeURIComponent(route.project)}`;
    case 'runs':
      return `/projects/${encodeURIComponent(route.project)}/runs`;
    case 'trial':
      return `/projects/${encodeURIComponent(route.project)}/trials/${route.number}`;
    case 'compare':
      return '/compare';
    case 'models':
      return '/models';
    case 'predictions':
      return `/models/${encodeURIComponent(route.model)}/predictions`;
    case 'errors':
      return `/models/${encodeURIComponent(route.model)}/errors`;
    case 'aliases':
      return `/models/${encodeURIComponent(route.model)}/aliases`;
  }
}

/** A path with search parameters; empty and undefined values are left out so URLs stay short. */
export function withSearch(path: string, search: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search))
    if (value !== undefined && value !== '') params.set(key, value);
  const query = params.toString();
  return query === '' ? path : `${path}?${query}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
