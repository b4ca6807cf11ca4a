import type { Store } from '../../store/store.js';
import type { ProjectService } from '../projects.js';
import type { RunService } from '../runs.js';
import { BaselineService } from './baseline-service.js';
import { ComparisonService } from './comparison-service.js';
import { ProjectRecordService } from './project-record-service.js';
import { ProjectSettingsService } from './settings-service.js';
import { TrialEvaluator } from './trial-evaluator.js';
import { TrialService } from './trial-service.js';

/** Trials, baselines and verdicts: the experiment record of a project. */
export interface TrialServices {
  trials: TrialService;
  baselines: BaselineService;
  record: ProjectRecordService;
  comparisons: ComparisonService;
  projectSettings: ProjectSettingsService;
}

/** Builds the trial services and hooks verdict recomputation onto the runs' lifecycle. */
export function createTrialServices(
  store: Store,
  projects: ProjectService,
  runs: RunService,
  now: () => number,
): TrialServices {
  const evaluator = new TrialEvaluator(store, now);
  const baselines = new BaselineService(store, projects, evaluator, now);
  const trials = new TrialService(store, evaluator, baselines, now);
  runs.onTrialRunChange((run) => trials.runChanged(run));
  return {
    trials,
    baselines,
    record: new ProjectRecordService(store, projects, now),
    comparisons: new ComparisonService(store),
    projectSettings: new ProjectSettingsService(store, projects, trials),
  };
}
