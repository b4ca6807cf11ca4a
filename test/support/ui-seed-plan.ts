import type { TrialOutcome } from '../../src/sdk/index.js';

/**
 * What the browser tests' project holds: a baseline, trials with every verdict and the values that produce
 * them (as in test/trials/workflow.test.ts), and XSS payloads for every text field. Seeded by ui-seed.ts.
 */
export const XSS_PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

export const tainted = (text: string) => `${text} ${XSS_PAYLOAD}`;

export const PROJECT = 'ui-lab';
export const METRIC = 'acc';
/** Steps every finished run logs; the loss curve spikes at SPIKE_STEP. */
export const STEPS = 300;
export const SPIKE_STEP = 150;
export const SPIKE_LOSS = 5;
/** Params every run shares (shown in compare only with "show all"). */
export const SHARED_PARAMS = { dataset: 'penguins', comment: tainted('shared') };

export interface TrialPlan {
  key: 'heuristic' | 'better' | 'worse' | 'same' | 'undecided' | 'broken';
  hypothesis: string;
  params: Record<string, string>;
  /** The primary metric's final value per seed; 'fail' for a run that fails. */
  seeds: (number | 'fail')[];
  expected: TrialOutcome;
  /** Promoted to baseline once judged. */
  promote?: boolean;
  /** Per-example results each seed records (example i right or wrong), for the McNemar table. */
  examples?: (i: number) => boolean;
}

// Seed values as in test/trials/workflow.test.ts: a heuristic, a better model (promoted), one worse, one within
// the minimum effect of 0.01, a single seed (undecided), a crashed trial.
export const PLAN: TrialPlan[] = [
  {
    key: 'heuristic',
    hypothesis: 'Predict the majority class',
    params: { model: 'majority' },
    seeds: [0.7, 0.705, 0.698, 0.703, 0.701],
    expected: 'pending',
    promote: true,
    examples: (i) => i < 70,
  },
  {
    key: 'better',
    hypothesis: 'Logistic regression beats the majority class',
    params: { model: 'logreg' },
    seeds: [0.752, 0.748, 0.755, 0.75, 0.749],
    expected: 'improved',
    promote: true,
    examples: (i) => i < 65 || i >= 90,
  },
  {
    key: 'worse',
    hypothesis: 'Stronger regularisation',
    params: { model: 'logreg', C: '0.01' },
    seeds: [0.65, 0.655, 0.648, 0.652, 0.651],
    expected: 'worse',
  },
  {
    key: 'same',
    hypothesis: 'Balanced class weights',
    params: { model: 'logreg', class_weight: 'balanced' },
    seeds: [0.751, 0.747, 0.754, 0.749, 0.75],
    expected: 'no_detectable_difference',
  },
  {
    key: 'undecided',
    hypothesis: 'A larger learning rate',
    params: { model: 'logreg', lr: '0.3' },
    seeds: [0.76],
    expected: 'inconclusive',
  },
  {
    key: 'broken',
    hypothesis: 'A transformer',
    params: { model: 'transformer' },
    seeds: ['fail', 'fail'],
    expected: 'failed',
  },
];

/** Large, so the evaluation set's noise leaves room to call a 0.001 change smaller than the minimum effect. */
export const EVAL_SET_SIZE = 100_000;
