import type { RunOutcome } from '../plan.js';

/**
 * One line per trial the runs belonged to: "p#2: ran 5 seeds — 4 finished, 1 failed (seed 3: exit code 1)".
 * Runs of no trial are counted under "runs".
 */
export function outcomeSummary(outcomes: readonly RunOutcome[]): string[] {
  return [...groupBy(outcomes, (o) => o.plan.trial?.label ?? 'runs')].map(([label, runs]) => {
    const tally = [...groupBy(runs, (o) => o.status)]
      .map(([status, some]) => `${some.length} ${status.toLowerCase()}`)
      .join(', ');
    const why = runs
      .filter((o) => o.status !== 'FINISHED')
      .map((o) => `seed ${o.plan.seed ?? '?'}: ${o.error ?? o.status.toLowerCase()}`);
    const seeds = `ran ${runs.length} seed${runs.length === 1 ? '' : 's'}`;
    return `${label}: ${seeds} — ${tally}${why.length > 0 ? ` (${why.join('; ')})` : ''}`;
  });
}

// Map.groupBy arrives in Node 21; Ratchet supports Node 20.
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
