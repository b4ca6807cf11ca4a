import type { Change, TrialConfig } from '../../core/trial.js';
import type { Direction, Ratchet, Trial } from '../../sdk/index.js';
import { declaredConfig } from './planned-config.js';
import { type TrialArm, trialLabel } from './trial-arm.js';

/** A project to create with its primary metric when its first trial is. */
export interface ProjectToCreate {
  name: string;
  create: { primaryMetric: string; direction: Direction };
}

export type TrialProject = { name: string; id: string } | ProjectToCreate;

/** A trial checked and ready to create: nothing of it exists yet. */
export interface NewTrial {
  project: TrialProject;
  hypothesis: string;
  /** null for none (a first baseline). */
  parentId: string | null;
  /** The runs' params. */
  params: Record<string, string>;
  /** What its runs will record, params included. */
  planned: TrialConfig;
  /** Against the parent's configuration, as the server will compute it once the runs are in. */
  changeSet: Change[];
  seeds: number[];
}

/** Creates the trial (and its project when it is new) and says which runs it needs. */
export async function createTrial(client: Ratchet, t: NewTrial): Promise<{ trial: Trial; arm: TrialArm }> {
  const projectId =
    'id' in t.project
      ? t.project.id
      : (await client.projects.create({ name: t.project.name, ...t.project.create })).id;
  const handle = await client.trials.start({
    project: { id: projectId },
    hypothesis: t.hypothesis,
    parent: t.parentId,
    ...declaredConfig(t.params, t.planned),
  });
  const trial = handle.info;
  return {
    trial,
    arm: {
      projectId,
      trial: { id: trial.id, label: trialLabel(t.project.name, trial.number) },
      params: t.params,
      seeds: t.seeds,
    },
  };
}
