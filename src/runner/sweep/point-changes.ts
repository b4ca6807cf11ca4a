import type { SweepPoint } from './search-space.js';

/**
 * What a point changes from the baseline's params: the entries whose value differs. A point equal to the
 * baseline changes nothing (empty): the baseline's own seeds already measure it.
 */
export function pointChanges(point: SweepPoint, baseline: Readonly<Record<string, string>>): SweepPoint {
  return Object.fromEntries(Object.entries(point).filter(([name, value]) => baseline[name] !== value));
}

/** "lr=0.01, dropout=0.5": a point as people read it, and as a trial's hypothesis names it. */
export function describePoint(point: SweepPoint): string {
  return (
    Object.entries(point)
      .map(([name, value]) => `${name}=${value}`)
      .join(', ') || '(the baseline)'
  );
}
