import type { Direction } from './project.js';
import type { RunTally } from './run-tally.js';
import type { TrialOutcome } from './trial-outcome.js';
import type { Verdict } from './verdict.js';

/**
 * A trial is one hypothesis: a change-set applied to a parent trial's configuration, executed as runs that
 * differ only by seed, and judged against the project's baseline.
 */
export interface Trial {
  /** 32 hex characters, like run ids. */
  id: string;
  projectId: string;
  /** 1, 2, 3… within the project, in creation order: how people refer to trials in the notebook. */
  number: number;
  hypothesis: string;
  parentTrialId: string | null;
  /** The configuration declared when the trial was created; its runs' shared params and tags add to it. */
  declared: TrialConfig;
  /** Computed: the difference between this trial's configuration and its parent's. */
  changeSet: Change[];
  /** Why a change-set of more than one change is fine, when someone said so. */
  acceptedChangesReason: string | null;
  notes: string;
  createdTime: number;
  /** The latest verdict against the baseline, with the numbers behind it; null until first evaluated. */
  evaluation: TrialEvaluation | null;
}

/** What defines a configuration: the diff of two of these is a change-set. */
export interface TrialConfig {
  params: Record<string, string>;
  features: string[];
  codeVersion: string | null;
  /** Data set name → fingerprint (e.g. a content hash). */
  data: Record<string, string>;
  environment: Record<string, string>;
}

/** Run tags that put a run in a trial, so MLflow clients can join trials and still see plain runs. */
export const TRIAL_TAGS = { trial: 'ratchet.trial', seed: 'ratchet.seed' } as const;

/**
 * Seeds by source of training and evaluation noise, as run tags: when runs record which seed drove the
 * initialisation, the data order and the evaluation set's draw, the noise floor splits their variance by source.
 */
export const SEED_SOURCE_TAGS = {
  init: 'ratchet.seed.init',
  data: 'ratchet.seed.data',
  eval: 'ratchet.seed.eval',
} as const;

export type SeedSource = keyof typeof SEED_SOURCE_TAGS;

export type ChangeKind = 'param' | 'feature' | 'code' | 'data' | 'environment';

/** One difference from the parent; `from`/`to` are null when the key is absent on that side. */
export interface Change {
  kind: ChangeKind;
  key: string;
  from: string | null;
  to: string | null;
}

export type TrialFlag = 'multiple_changes';

export interface TrialEvaluation {
  outcome: TrialOutcome;
  /** The baseline trial this verdict was computed against (it may have been superseded since). */
  baselineTrialId: string | null;
  metric: string | null;
  direction: Direction | null;
  /** The trial's runs when the verdict was computed. */
  runs: RunTally;
  /** Paired by seed: both trials ran the same seeds. */
  paired: boolean;
  /** The per-seed values compared (in seed order when paired). */
  baselineValues: number[];
  candidateValues: number[];
  /** The statistics library's verdict, when there were values to compare. */
  comparison: Verdict | null;
  perExample: PerExampleComparison | null;
  noise: NoiseFloor | null;
  notes: string[];
  computedTime: number;
}

/** McNemar's test on examples both trials scored, each trial's answer being the majority over its runs. */
export interface PerExampleComparison {
  examples: number;
  /** Examples only the baseline got right. */
  baselineOnly: number;
  /** Examples only the candidate got right. */
  candidateOnly: number;
  statistic: number;
  pValue: number;
}

/** How much the primary metric moves between seeds of the same configuration (the baseline's). */
export interface NoiseFloor {
  trialId: string;
  seeds: number;
  mean: number;
  sd: number;
  /** The smallest difference detectable with 80% power at α = 0.05 with this many seeds per arm. */
  detectableEffect: number;
  /** For proportion metrics with a known evaluation-set size: sqrt(p(1 − p)/n). */
  evalSetStandardError: number | null;
  evalSetSize: number | null;
}

export function trialFlags(trial: Pick<Trial, 'changeSet'>): TrialFlag[] {
  return trial.changeSet.length > 1 ? ['multiple_changes'] : [];
}

export function emptyConfig(): TrialConfig {
  return { params: {}, features: [], codeVersion: null, data: {}, environment: {} };
}

/** One click of the ratchet: a trial became the project's baseline. */
export interface BaselinePromotion {
  id: string;
  projectId: string;
  trialId: string;
  /** The baseline it replaced; null for the project's first baseline. */
  previousTrialId: string | null;
  promotedTime: number;
  /** The verdict that justified it (null for a first baseline, which has nothing to beat). */
  evaluation: TrialEvaluation | null;
  forced: boolean;
  reason: string | null;
  /** Promoted by auto-promote rather than by a person. */
  automatic: boolean;
}
