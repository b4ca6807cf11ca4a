import { routePath, withSearch } from '../routes.js';

/** A trial reference `<project>#<N>` (as the runs table and the notebook name trials) as its page's path. */
export function trialHref(ref: string): string | null {
  const hash = ref.lastIndexOf('#');
  const number = ref.slice(hash + 1);
  if (hash <= 0 || !/^[1-9]\d*$/.test(number)) return null;
  return routePath({ page: 'trial', project: ref.slice(0, hash), number: Number(number) });
}

/** Where opening a run goes: its trial's page when it belongs to one, else a compare of it alone. */
export function runHref(trial: string | null, runId: string): string {
  return (trial === null ? null : trialHref(trial)) ?? compareRunsHref([runId]);
}

/** The compare page of these runs, charting `metric` (the runs explorer's chart metric carries over). */
export function compareRunsHref(runIds: readonly string[], metric: string | null = null): string {
  return withSearch(routePath({ page: 'compare' }), { runs: runIds.join(','), key: metric ?? undefined });
}
