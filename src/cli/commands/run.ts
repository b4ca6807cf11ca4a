import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { captureContext, parseDataInputs } from '../../runner/capture/index.js';
import { assertExecutable } from '../../runner/execute/executable.js';
import { expandCommand, type RunPlan } from '../../runner/plan.js';
import type { Ratchet } from '../../sdk/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { executePlans, exitCodeOf, outcomeJson, outcomeTable } from '../execute-plans.js';
import { collect, integerOption, keyValue } from '../option-parsers.js';
import { show } from '../output.js';
import { enqueuePlans, type QueueFlags, queueOptions, queueUrlFor } from '../queue-flags.js';
import { resolveProject, trialRef } from '../refs.js';
import { chooseSeeds, type SeedOptions } from '../run-seeds.js';
import { withRunnerTarget } from '../run-target.js';
import { withClient } from '../target.js';
import { evaluationLines } from '../verdict-lines.js';

interface RunOptions extends ClientOptions, SeedOptions, QueueFlags {
  project?: string;
  trial?: string;
  param?: Record<string, string>;
  parallel: number;
  data?: string[];
  name?: string;
  quiet?: boolean;
}

export function registerRun(program: Command): void {
  clientOptions(
    queueOptions(
      program
        .command('run')
        .description(
          'run a command as tracked runs, one per seed: the child gets RATCHET_RUN_ID, RATCHET_SEED, its params ' +
            '(RATCHET_PARAMS, RATCHET_PARAM_<NAME>) and MLFLOW_TRACKING_URI/MLFLOW_RUN_ID; {seed} and {param} in ' +
            'the command are replaced; it logs through the SDK, an MLflow client, or JSON lines on fd 3',
        )
        .argument('[command...]', 'the command, after --')
        .option('--project <name>', 'the project (default: the trial’s, $RATCHET_PROJECT, or the only one)')
        .option('--trial <trial>', 'the trial the runs join (id, project#N or #N)')
        .option('--param <key=value>', 'a param (repeatable)', keyValue)
        .option(
          '--seeds <n>',
          'this many seeds, after those the trial has',
          integerOption('--seeds', 1, 10_000),
        )
        .option('--seed <s>', 'a seed (repeatable)', (raw, previous: number[] = []) => [
          ...previous,
          integerOption('--seed', -(2 ** 31), 2 ** 31 - 1)(raw),
        ])
        .option(
          '--parallel <k>',
          'runs at once',
          integerOption('--parallel', 1, 1_024),
          availableParallelism(),
        )
        .option(
          '--data <name=path>',
          'a data file or folder the runs read, fingerprinted (repeatable)',
          collect,
        )
        .option('--name <name>', 'the runs’ name')
        .option('--quiet', 'do not echo the children’s output (it is still stored with each run)'),
    ),
  ).action(async (command: string[], o: RunOptions) => {
    const queueUrl = queueUrlFor(o);
    const cwd = process.cwd();
    assertExecutable(command[0], cwd);
    const data = parseDataInputs(o.data ?? [], cwd);
    const capturing = captureContext({ cwd, command, data });
    capturing.catch(() => {}); // awaited below; an early failure must not go unhandled meanwhile
    if (queueUrl !== undefined) {
      await withClient(
        o,
        async (client) => {
          const plans = await planRuns(client, command, o, cwd);
          await enqueuePlans(queueUrl, plans, { capture: await capturing, retries: o.retries, json: o.json });
        },
        { create: true },
      );
      return;
    }
    const { outcomes, verdict } = await withRunnerTarget(o, async (target) => {
      const plans = await planRuns(target.client, command, o, cwd);
      const outcomes = await executePlans(target, plans, {
        capture: await capturing,
        parallel: o.parallel,
        quiet: o.quiet ?? false,
        json: o.json ?? false,
      });
      const trial = plans[0]?.trial;
      const verdict = trial === undefined ? undefined : await target.client.trials.detail(trial.id);
      return { outcomes, verdict };
    });
    show(
      {
        json: { runs: outcomes.map(outcomeJson), ...(verdict === undefined ? {} : { trial: verdict }) },
        text: () => [
          outcomeTable(outcomes),
          ...(verdict === undefined ? [] : ['', ...evaluationLines(verdict.evaluation, new Map())]),
        ],
      },
      o,
    );
    process.exitCode = exitCodeOf(outcomes);
  });
}

async function planRuns(client: Ratchet, command: string[], o: RunOptions, cwd: string): Promise<RunPlan[]> {
  const trial =
    o.trial === undefined ? undefined : await client.trials.detail(await trialRef(client, o.trial));
  const project = trial === undefined ? await resolveProject(client, o.project) : { id: trial.project_id };
  const label =
    trial === undefined
      ? undefined
      : `${(await client.projects.get({ id: trial.project_id })).name}#${trial.number}`;
  const existing = (trial?.runs ?? []).flatMap((r) => (r.seed === null ? [] : [r.seed]));
  const params = { ...trial?.config.params, ...o.param };
  return chooseSeeds(o, existing, trial === undefined ? undefined : 1).map((seed) => ({
    projectId: project.id,
    ...(trial === undefined || label === undefined ? {} : { trial: { id: trial.id, label } }),
    ...(seed === undefined ? {} : { seed }),
    params,
    command: expandCommand(command, { ...params, ...(seed === undefined ? {} : { seed: String(seed) }) }),
    cwd,
    ...(o.name === undefined ? {} : { name: o.name }),
  }));
}
