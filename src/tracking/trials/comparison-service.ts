import { invalidParameter, notFound } from '../../core/errors.js';
import type { Direction } from '../../core/project.js';
import { DEFAULT_PROJECT_SETTINGS } from '../../core/project-settings.js';
import type { Run } from '../../core/run.js';
import type { PerExampleComparison } from '../../core/trial.js';
import type { Verdict } from '../../stats/index.js';
import type { Store } from '../../store/store.js';
import { type ArmValue, type Judgement, judge } from './judge.js';
import { evalSetSizeOf, finishedValues, latest } from './run-values.js';
import { resolveTrialRef } from './trial-ref.js';

/** One side of a comparison: a trial's finished runs (by id or `<project>#<number>`), some runs, or raw values. */
export type ArmRef = { trialId: string } | { runIds: string[] } | { values: number[] };

export interface CompareRequest {
  baseline: ArmRef;
  candidate: ArmRef;
  /** Default: the project's primary metric. */
  metric?: string;
  /** Default: the project's direction (required for raw values). */
  direction?: Direction;
  /** Default: the project's minimum effect. */
  minEffect?: number;
  alpha?: number;
  /** Default: paired when both sides are runs with the same seeds. */
  paired?: boolean;
  evalSetSize?: number;
}

export interface ComparisonResult {
  metric: string | null;
  direction: Direction;
  paired: boolean;
  baselineValues: number[];
  candidateValues: number[];
  verdict: Verdict;
  perExample: PerExampleComparison | null;
}

/** Ad-hoc comparisons (`ratchet compare`, POST /api/v1/compare) with the statistics library's verdict. */
export class ComparisonService {
  constructor(private readonly store: Store) {}

  async compare(request: CompareRequest): Promise<ComparisonResult> {
    const baselineRuns = await this.runsOf(request.baseline);
    const candidateRuns = await this.runsOf(request.candidate);
    const projectId = baselineRuns?.[0]?.info.projectId ?? candidateRuns?.[0]?.info.projectId ?? null;
    const project = projectId === null ? undefined : await this.store.projects.get(projectId);
    const settings =
      (projectId === null ? undefined : await this.store.projectSettings.get(projectId)) ??
      DEFAULT_PROJECT_SETTINGS;
    const metric = request.metric ?? project?.primaryMetric ?? null;
    const direction = request.direction ?? project?.direction ?? null;
    if (direction === null) throw invalidParameter("Missing value for required parameter 'direction'.");
    const baseline = this.valuesOf(request.baseline, baselineRuns, metric, 'baseline');
    const candidate = this.valuesOf(request.candidate, candidateRuns, metric, 'candidate');
    const minEffect = request.minEffect ?? settings.minEffect ?? undefined;
    const runs = [...(baselineRuns ?? []), ...(candidateRuns ?? [])];
    let judged: Judgement;
    try {
      judged = judge({
        baseline,
        candidate,
        direction,
        minEffect,
        alpha: request.alpha,
        // Raw values carry no seeds: they are paired only when the caller says so.
        paired: request.paired ?? (baselineRuns === null || candidateRuns === null ? false : undefined),
        evalSetSize: request.evalSetSize ?? evalSetSizeOf(runs, settings.evalSetSizeMetric),
        evalSetShared: settings.evalSetShared,
        examples: await this.store.examples.forRuns(runs.map((r) => r.info.id)),
      });
    } catch (error) {
      if (error instanceof RangeError) throw invalidParameter(error.message);
      throw error;
    }
    return {
      metric,
      direction,
      paired: judged.paired,
      baselineValues: judged.baselineValues,
      candidateValues: judged.candidateValues,
      verdict: { ...judged.verdict, notes: [...judged.notes, ...judged.verdict.notes] },
      perExample: judged.perExample,
    };
  }

  private async runsOf(ref: ArmRef): Promise<Run[] | null> {
    if ('values' in ref) return null;
    if ('trialId' in ref) {
      const trial = await resolveTrialRef(this.store, ref.trialId);
      return (await this.store.runs.listByTrials([trial.id])).filter((r) => r.info.status === 'FINISHED');
    }
    return Promise.all(
      ref.runIds.map(async (id) => {
        const run = await this.store.runs.get(id);
        if (!run) throw notFound(`Run with id=${id} not found`);
        return run;
      }),
    );
  }

  private valuesOf(ref: ArmRef, runs: Run[] | null, metric: string | null, side: string): ArmValue[] {
    if ('values' in ref) return ref.values.map((value) => ({ seed: null, value, runId: null }));
    if (metric === null) throw invalidParameter("Missing value for required parameter 'metric'.");
    if ('trialId' in ref) return finishedValues(runs!, metric);
    return runs!.map((run) => {
      const value = latest(run, metric);
      if (value === undefined || !Number.isFinite(value)) {
        throw invalidParameter(`Run ${run.info.id} (${side}) has no finite value of '${metric}'.`);
      }
      return { seed: run.info.seed, value, runId: run.info.id };
    });
  }
}
