// TEMP: replaced by the query language's LIKE semantics once src/core/query lands.
export function likeMatcher(pattern: string, caseInsensitive: boolean): (value: string) => boolean {
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('%', '.*').replaceAll('_', '.');
  const re = new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
  return (value) => re.test(value);
}
