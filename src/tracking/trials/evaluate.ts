import { diffConfigs } from '../../core/change-set.js';
import type { ExampleResults } from '../../core/example-results.js';
import type { Project } from '../../core/project.js';
import type { ProjectSettings } from '../../core/project-settings.js';
import { hasFailed, tallyRuns } from '../../core/run-tally.js';
import type { Change, TrialEvaluation } from '../../core/trial.js';
import { judge } from './judge.js';
import { noiseFloor } from './noise.js';
import { configOf, evalSetSizeOf, finishedValues, type TrialWithRuns } from './run-values.js';

export interface EvaluationInput {
  candidate: TrialWithRuns;
  parent: TrialWithRuns | null;
  /** The project's current baseline; null when there is none yet. */
  baseline: TrialWithRuns | null;
  project: Project;
  settings: ProjectSettings;
  /** Per-example results by run id. */
  examples: ReadonlyMap<string, ExampleResults>;
  now: number;
}

/** A trial's change-set against its parent and its verdict against the baseline, from the runs as they are. */
export function evaluateTrial(input: EvaluationInput): { changeSet: Change[]; evaluation: TrialEvaluation } {
  const { candidate, parent, baseline, project, settings, now } = input;
  const own = configOf(candidate);
  const changeSet = parent === null ? [] : diffConfigs(configOf(parent).config, own.config);
  const notes: string[] = [];
  if (own.varying.length > 0) {
    notes.push(`The runs differ in more than the seed: ${own.varying.join(', ')}.`);
  }
  const tally = tallyRuns(candidate.runs.map((run) => run.info.status));
  const evaluation: TrialEvaluation = {
    outcome: 'pending',
    baselineTrialId: baseline?.trial.id ?? null,
    metric: project.primaryMetric,
    direction: project.direction,
    runs: tally,
    paired: false,
    baselineValues: [],
    candidateValues: [],
    comparison: null,
    perExample: null,
    noise: null,
    notes,
    computedTime: now,
  };
  const pending = (note: string) => ({ changeSet, evaluation: { ...evaluation, notes: [...notes, note] } });

  if (hasFailed(tally)) {
    const note = `All ${tally.total} run(s) failed or were killed.`;
    return { changeSet, evaluation: { ...evaluation, outcome: 'failed', notes: [...notes, note] } };
  }
  if (project.primaryMetric === null || project.direction === null) {
    return pending('Set the project’s primary metric and direction to judge trials.');
  }
  if (baseline === null) return pending('No baseline yet: promote a trial (a simple heuristic is fine).');
  if (baseline.trial.id === candidate.trial.id) {
    // The verdict that made it the baseline stays on record; there is nothing newer to judge it against.
    const kept = candidate.trial.evaluation;
    return kept && kept.outcome !== 'pending'
      ? { changeSet, evaluation: kept }
      : pending('This is the baseline.');
  }

  const metric = project.primaryMetric;
  const candidateValues = finishedValues(candidate.runs, metric);
  const baselineValues = finishedValues(baseline.runs, metric);
  if (tally.finished > candidateValues.length) {
    notes.push(`${tally.finished - candidateValues.length} finished run(s) logged no value of '${metric}'.`);
  }
  if (tally.running > 0) notes.push(`${tally.running} run(s) still running: the verdict may change.`);
  if (candidateValues.length === 0) return pending(`No finished run with '${metric}' yet.`);
  if (baselineValues.length === 0) return pending(`The baseline has no finished run with '${metric}'.`);

  const evalSetSize = evalSetSizeOf([...baseline.runs, ...candidate.runs], settings.evalSetSizeMetric);
  const judged = judge({
    baseline: baselineValues,
    candidate: candidateValues,
    direction: project.direction,
    minEffect: settings.minEffect ?? undefined,
    evalSetSize,
    evalSetShared: settings.evalSetShared,
    examples: input.examples,
  });
  return {
    changeSet,
    evaluation: {
      ...evaluation,
      outcome: judged.verdict.verdict,
      paired: judged.paired,
      baselineValues: judged.baselineValues,
      candidateValues: judged.candidateValues,
      comparison: judged.verdict,
      perExample: judged.perExample,
      noise: noiseFloor(baseline.trial.id, judged.baselineValues, evalSetSize),
      notes: [...notes, ...judged.notes, ...judged.verdict.notes],
    },
  };
}
