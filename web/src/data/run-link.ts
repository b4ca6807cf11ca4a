import { routePath, withSearch } from '../routes.js';

/** Where opening a run goes: its trial's page when it belongs to one (`project#N`), else a compare of it alone. */
export function runHref(project: string, trial: string | null, runId: string): string {
  const number = trial === null ? null : /#([1-9]\d*)$/.exec(trial)?.[1];
  if (number !== undefined && number !== null)
    return routePath({ page: 'trial', project, number: Number(number) });
  return compareRunsHref([runId]);
}

export function compareRunsHref(runIds: readonly string[]): string {
  return withSearch(routePath({ page: 'compare' }), { runs: runIds.join(',') });
}
