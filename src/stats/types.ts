export type Alternative = 'two-sided' | 'less' | 'greater';

export const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'less', 'greater'];

export interface TestResult {
  statistic: number;
  df: number;
  pValue: number;
  ci: [number, number];
  estimate: number;
}

/** The verdict's data types are domain types (trials store them); the statistics compute them. */
export type { EvaluationNoiseMethod, Verdict } from '../core/verdict.js';
