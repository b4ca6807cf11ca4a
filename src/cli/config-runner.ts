import type { Command } from 'commander';
import { type Capture, captureContext, type DataInput } from '../runner/capture/capture.js';
import { loadConfig } from '../runner/config/load-config.js';
import type { ProjectConfig } from '../runner/config/project-config.js';
import type { RunOutcome } from '../runner/plan.js';
import { armPlans, type TrialArm } from '../runner/trials/trial-arm.js';
import type { Ratchet, TrialDetail } from '../sdk/index.js';
import type { ClientOptions } from './client-options.js';
import { executePlans } from './execute-plans.js';
import { integerOption } from './option-parsers.js';
import { enqueuePlans, type QueueFlags, queueOptions, queueUrlFor } from './queue-flags.js';
import { withRunnerTarget } from './run-target.js';

export interface ConfigRunOptions extends ClientOptions, QueueFlags {
  seeds?: number;
  parallel?: number;
  quiet?: boolean;
}

/** What the config's commands (try, trial more, baseline run) work with. */
export interface ConfigSession {
  client: Ratchet;
  config: ProjectConfig;
  capture: Capture;
  /** Runs the arms' seeds with the config's command; one outcome per run (none when they were queued). */
  run(arms: readonly TrialArm[]): Promise<RunOutcome[]>;
}

/** `--seeds`, `--parallel`, `--quiet` and the queue's flags, as the config's commands take them. */
export function configRunOptions(command: Command, seedsHelp: string): Command {
  return queueOptions(command)
    .option('--seeds <n>', seedsHelp, integerOption('--seeds', 1, 10_000))
    .option(
      '--parallel <k>',
      'runs at once (default: the config’s parallel, or the CPU count)',
      integerOption('--parallel', 1, 1_024),
    )
    .option('--quiet', 'do not echo the children’s output (it is still stored with each run)');
}

/**
 * The project config nearest the working directory, read before the target is opened (a bad config opens
 * nothing), the target, and the capture every run of the command shares (started at once, beside the target).
 * `moreData` adds data sets that only the target can give (a retrain's feedback); capture then waits for them.
 */
export async function withConfigRunner<T>(
  o: ConfigRunOptions,
  work: (session: ConfigSession) => Promise<T>,
  moreData?: (client: Ratchet, config: ProjectConfig) => Promise<DataInput[]>,
): Promise<T> {
  const queueUrl = queueUrlFor(o);
  const loaded = loadConfig();
  const startCapture = (config: ProjectConfig) =>
    captureContext({ cwd: config.dir, command: config.command, data: config.data });
  const early = moreData === undefined ? startCapture(loaded) : undefined;
  early?.catch(() => {}); // awaited below; an early failure must not go unhandled meanwhile
  return withRunnerTarget(o, async (target) => {
    const config =
      moreData === undefined
        ? loaded
        : { ...loaded, data: [...loaded.data, ...(await moreData(target.client, loaded))] };
    const capture = await (early ?? startCapture(config));
    return work({
      client: target.client,
      config,
      capture,
      run: async (arms) => {
        for (const arm of arms) process.stderr.write(`${arm.trial.label}: seeds ${arm.seeds.join(', ')}\n`);
        const plans = arms.flatMap((arm) => armPlans(config, arm));
        if (queueUrl !== undefined) {
          await enqueuePlans(queueUrl, plans, { capture, retries: o.retries, toStderr: true });
          return [];
        }
        return executePlans(target, plans, {
          parallel: o.parallel ?? config.parallel,
          quiet: o.quiet ?? false,
          capture,
          json: o.json ?? false,
        });
      },
    });
  });
}

/** The trial judged afresh with every run in (its baseline's new runs too). */
export async function judgedTrial(client: Ratchet, trialId: string): Promise<TrialDetail> {
  const handle = await client.trials.get(trialId);
  await handle.refresh();
  return handle.get();
}
