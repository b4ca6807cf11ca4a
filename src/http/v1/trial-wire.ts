import type { Wire } from '../../contract/index.js';
import { verdictWire as verdictJson } from '../../contract/verdict.js';
import type { RunTally } from '../../core/run-tally.js';
import {
  type BaselinePromotion,
  type NoiseFloor,
  type PerExampleComparison,
  type Trial,
  type TrialEvaluation,
  trialFlags,
} from '../../core/trial.js';
import type { VarianceEstimate } from '../../stats/index.js';
import type { Summary } from '../../stats/summary.js';
import type { ComparisonResult } from '../../tracking/trials/comparison-service.js';
import type { NoiseReport } from '../../tracking/trials/noise-report.js';
import type { NotebookEntry } from '../../tracking/trials/notebook.js';
import type { ProjectProgress } from '../../tracking/trials/progress.js';
import type { ProjectStatus } from '../../tracking/trials/project-status.js';
import type { ProjectWithSettings } from '../../tracking/trials/settings-service.js';
import type { TrialDetail } from '../../tracking/trials/trial-service.js';
import { wireNumber as n, projectJson, runJson } from './wire.js';

/** The native API's JSON for trials, verdicts and baselines, typed against the contract. */
function perExampleJson(p: PerExampleComparison): Wire<'perExample'> {
  return {
    examples: p.examples,
    baseline_only: p.baselineOnly,
    candidate_only: p.candidateOnly,
    statistic: n(p.statistic),
    p_value: n(p.pValue),
  };
}

export function noiseFloorJson(f: NoiseFloor): Wire<'noiseFloor'> {
  return {
    trial_id: f.trialId,
    seeds: f.seeds,
    mean: n(f.mean),
    sd: n(f.sd),
    detectable_effect: n(f.detectableEffect),
    eval_set_standard_error: f.evalSetStandardError === null ? null : n(f.evalSetStandardError),
    eval_set_size: f.evalSetSize,
  };
}

export function evaluationJson(e: TrialEvaluation): Wire<'evaluation'> {
  return {
    outcome: e.outcome,
    baseline_trial_id: e.baselineTrialId,
    metric: e.metric,
    direction: e.direction,
    runs_tally: tallyJson(e.runs),
    paired: e.paired,
    baseline_values: e.baselineValues,
    candidate_values: e.candidateValues,
    comparison: e.comparison && verdictJson(e.comparison),
    per_example: e.perExample && perExampleJson(e.perExample),
    noise: e.noise && noiseFloorJson(e.noise),
    notes: e.notes,
    computed_time: e.computedTime,
  };
}

export function trialJson(t: Trial): Wire<'trial'> {
  return {
    id: t.id,
    project_id: t.projectId,
    number: t.number,
    hypothesis: t.hypothesis,
    parent_trial_id: t.parentTrialId,
    config: {
      params: t.declared.params,
      features: t.declared.features,
      code_version: t.declared.codeVersion,
      data: t.declared.data,
      environment: t.declared.environment,
    },
    change_set: t.changeSet,
    flags: trialFlags(t),
    accepted_changes_reason: t.acceptedChangesReason,
    notes: t.notes,
    created_time: t.createdTime,
    outcome: t.evaluation?.outcome ?? 'pending',
    evaluation: t.evaluation && evaluationJson(t.evaluation),
  };
}

function tallyJson(t: RunTally) {
  return { total: t.total, running: t.running, finished: t.finished, failed: t.failed };
}

function summaryJson(s: Summary): Wire<'summary'> {
  return {
    n: s.n,
    mean: n(s.mean),
    sd: n(s.sd),
    ci: [n(s.ci[0]), n(s.ci[1])],
    iqm: n(s.iqm),
    min: n(s.min),
    max: n(s.max),
  };
}

export function trialDetailJson(d: TrialDetail): Wire<'trialDetail'> {
  return {
    ...trialJson(d.trial),
    is_baseline: d.isBaseline,
    runs_tally: tallyJson(d.tally),
    runs: d.runs.map(runJson),
    metrics: Object.fromEntries(Object.entries(d.metrics).map(([key, s]) => [key, summaryJson(s)])),
  };
}

export function notebookEntryJson(e: NotebookEntry): Wire<'notebookEntry'> {
  return {
    ...trialJson(e.trial),
    runs_tally: tallyJson(e.tally),
    is_baseline: e.isBaseline,
    promoted: e.promoted,
    promotion: e.promotion && promotionJson(e.promotion),
    notebook_outcome: e.outcome,
  };
}

export function promotionJson(p: BaselinePromotion): Wire<'promotion'> {
  return {
    id: p.id,
    project_id: p.projectId,
    trial_id: p.trialId,
    previous_trial_id: p.previousTrialId,
    promoted_time: p.promotedTime,
    evaluation: p.evaluation && evaluationJson(p.evaluation),
    forced: p.forced,
    reason: p.reason,
    automatic: p.automatic,
  };
}

export function settingsJson({ project, settings: s }: ProjectWithSettings): Wire<'settings'> {
  return {
    project_id: project.id,
    primary_metric: project.primaryMetric,
    direction: project.direction,
    min_effect: s.minEffect,
    eval_set_size_metric: s.evalSetSizeMetric,
    eval_set_shared: s.evalSetShared,
    deadline: s.deadline,
    trial_budget: s.trialBudget,
    compute_hours_budget: s.computeHoursBudget,
    stall_after_trials: s.stallAfterTrials,
    stall_after_days: s.stallAfterDays,
    auto_promote: s.autoPromote,
  };
}

/** The progress chart's data in columns, one entry per trial in each. */
export function progressJson(p: ProjectProgress): Wire<'projectProgress'> {
  return {
    metric: p.metric,
    trial_id: p.trials.map((t) => t.id),
    number: p.trials.map((t) => t.number),
    title: p.trials.map((t) => t.title),
    outcome: p.trials.map((t) => t.outcome),
    seed_values: p.trials.map((t) => t.seedValues),
  };
}

export function statusJson(s: ProjectStatus): Wire<'projectStatus'> {
  const line = (b: ProjectStatus['budgets']['trials']) => ({
    spent: n(b.spent),
    budget: b.budget,
    fraction: b.fraction === null ? null : n(b.fraction),
    exceeded: b.exceeded,
  });
  return {
    project: projectJson(s.project),
    settings: settingsJson(s),
    baseline: s.baseline && {
      trial_id: s.baseline.trialId,
      number: s.baseline.number,
      since: s.baseline.since,
    },
    trials: { total: s.trials.total, by_outcome: s.trials.byOutcome as Record<string, number> },
    budgets: {
      trials: line(s.budgets.trials),
      compute_hours: line(s.budgets.computeHours),
      deadline: {
        at: s.budgets.deadline.at,
        days_left: s.budgets.deadline.daysLeft === null ? null : n(s.budgets.deadline.daysLeft),
        passed: s.budgets.deadline.passed,
      },
    },
    stalled: s.stall.stalled,
    stall_reasons: s.stall.reasons,
    suggestions: s.stall.suggestions,
    now: s.now,
  };
}

export function noiseJson(r: NoiseReport): Wire<'noiseReport'> {
  return {
    project_id: r.project.id,
    baseline_trial_id: r.baselineTrialId,
    metric: r.metric,
    values: r.values,
    floor: r.floor && noiseFloorJson(r.floor),
    aa: r.aa && {
      splits: r.aa.splits,
      false_alarms: r.aa.falseAlarms,
      largest_difference: n(r.aa.largestDifference),
    },
    split: r.split && {
      runs: r.split.runs,
      mean: n(r.split.mean),
      training: varianceJson(r.split.training),
      evaluation: {
        ...varianceJson(r.split.evaluation),
        method: r.split.evaluation.method,
        eval_set_size: r.split.evaluation.evalSetSize,
      },
      evaluation_share: n(r.split.evaluationShare),
      notes: r.split.notes,
    },
    by_source: r.bySource && {
      sources: r.bySource.sources.map((s) => ({
        ...varianceJson(s),
        source: s.source,
        groups: s.groups,
        runs: s.runs,
      })),
      repeats: r.bySource.repeats && {
        ...varianceJson(r.bySource.repeats),
        groups: r.bySource.repeats.groups,
        runs: r.bySource.repeats.runs,
      },
      total: varianceJson(r.bySource.total),
      notes: r.bySource.notes,
    },
    notes: r.notes,
  };
}

function varianceJson(v: VarianceEstimate): Wire<'varianceEstimate'> {
  return { variance: n(v.variance), sd: n(v.sd), df: n(v.df), ci: [n(v.ci[0]), n(v.ci[1])] };
}

export function comparisonJson(c: ComparisonResult): Wire<'comparison'> {
  return {
    metric: c.metric,
    direction: c.direction,
    paired: c.paired,
    baseline_values: c.baselineValues,
    candidate_values: c.candidateValues,
    verdict: verdictJson(c.verdict),
    per_example: c.perExample && perExampleJson(c.perExample),
  };
}
