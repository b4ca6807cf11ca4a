import type { PerExample } from '../../../src/sdk/index.js';

/**
 * McNemar's table over the examples both arms scored: only the examples that flipped carry evidence.
 * `agree` counts the rest (both right or both wrong; the API does not split them).
 */
export function mcnemarRows(p: PerExample): { label: string; count: number }[] {
  return [
    { label: 'right only with the candidate (fixed)', count: p.candidate_only },
    { label: 'right only with the baseline (broken)', count: p.baseline_only },
    { label: 'same answer in both', count: Math.max(0, p.examples - p.candidate_only - p.baseline_only) },
  ];
}
