import { compileLike } from '../../core/query/index.js';

const compiled = new Map<string, (text: string) => boolean>();

/** The query language's LIKE semantics for SQLite (whose own LIKE ignores case); compiled patterns are cached. */
export function likeMatcher(pattern: string, caseInsensitive: boolean): (value: string) => boolean {
  const cacheKey = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  let matcher = compiled.get(cacheKey);
  if (matcher === undefined) {
    if (compiled.size > 1000) compiled.clear();
    matcher = compileLike(pattern, caseInsensitive);
    compiled.set(cacheKey, matcher);
  }
  return matcher;
}
