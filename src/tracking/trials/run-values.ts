import { runConfig, trialConfig } from '../../core/change-set.js';
import type { Run } from '../../core/run.js';
import type { Trial, TrialConfig } from '../../core/trial.js';
import type { SeededValue } from '../../core/trial-rules.js';

export interface TrialWithRuns {
  trial: Trial;
  runs: Run[];
}

/** The trial's configuration: what it declared plus what its runs recorded alike. */
export function configOf({ trial, runs }: TrialWithRuns): { config: TrialConfig; varying: string[] } {
  return trialConfig(trial.declared, runs.map(runConfig));
}

/** The latest value of `key` of each finished run that logged a finite one, with the run's seed. */
export function finishedValues(runs: readonly Run[], key: string): RunValue[] {
  const values: RunValue[] = [];
  for (const run of runs) {
    if (run.info.status !== 'FINISHED') continue;
    const value = latest(run, key);
    if (value !== undefined && Number.isFinite(value))
      values.push({ seed: run.info.seed, value, runId: run.info.id });
  }
  return values;
}

/** A run's value of a metric, with its seed. */
export interface RunValue extends SeededValue {
  runId: string;
}

export function latest(run: Run, key: string): number | undefined {
  return run.metrics.find((m) => m.key === key)?.value;
}

/** The evaluation-set size the runs logged (the smallest, if they disagree), when it is a whole number. */
export function evalSetSizeOf(runs: readonly Run[], key: string | null): number | null {
  if (key === null) return null;
  const sizes = finishedValues(runs, key)
    .map((v) => v.value)
    .filter((v) => Number.isSafeInteger(v) && v >= 1);
  return sizes.length === 0 ? null : Math.min(...sizes);
}
