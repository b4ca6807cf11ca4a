import type { Command } from 'commander';
import { invalidParameter } from '../../core/errors.js';
import type { RunOutcome } from '../../runner/plan.js';
import { createTrial } from '../../runner/trials/new-trial.js';
import { NEXT_AFTER_BASELINE } from '../../runner/trials/next-step.js';
import { outcomeSummary } from '../../runner/trials/outcome-summary.js';
import { prepareBaselineRun } from '../../runner/trials/prepare-baseline-run.js';
import { promoteFirstBaseline } from '../../runner/trials/promote-first-baseline.js';
import type { TrialArm } from '../../runner/trials/trial-arm.js';
import type { NoiseReport, Promotion } from '../../sdk/index.js';
import { clientOptions } from '../client-options.js';
import { type ConfigRunOptions, configRunOptions, withConfigRunner } from '../config-runner.js';
import { exitCodeOf } from '../execute-plans.js';
import { show } from '../output.js';
import { runsJson } from '../trial-run-lines.js';
import { noiseLines } from '../verdict-lines.js';

interface BaselineRunDone {
  label: string;
  outcomes: RunOutcome[];
  /** Set when this command made the baseline; undefined when it ran more seeds of the one there was. */
  promotion?: Promotion | null;
  noise: NoiseReport;
}

/** `ratchet baseline run`: registered on the `baseline` command. */
export function registerBaselineRun(baseline: Command): void {
  clientOptions(
    configRunOptions(
      baseline
        .command('run')
        .description(
          'run the baseline from the project config (ratchet.json): the first time, a trial of its default ' +
            'params that becomes the baseline; after that, more seeds of the baseline',
        ),
      'this many seeds (default: the config’s seeds)',
    ),
  ).action(async (o: ConfigRunOptions) => {
    const done = await withConfigRunner(
      o,
      async ({ client, config, capture, run }): Promise<BaselineRunDone> => {
        const seeds = o.seeds === undefined ? {} : { seeds: o.seeds };
        const prepared = await prepareBaselineRun(client, config, seeds, capture);
        const noiseOf = (arm: TrialArm) => client.projects.noise({ id: arm.projectId });
        if ('more' in prepared) {
          const outcomes = await run([prepared.more]);
          return { label: prepared.more.trial.label, outcomes, noise: await noiseOf(prepared.more) };
        }
        if (o.queue) {
          throw invalidParameter(
            'The first baseline runs here, not through the queue: it becomes the baseline once one of its ' +
              'runs finished. Run `ratchet baseline run` without --queue; later ones may be queued.',
          );
        }
        const { arm } = await createTrial(client, prepared.first);
        const outcomes = await run([arm]);
        const promotion = await promoteFirstBaseline(client, arm, outcomes);
        return { label: arm.trial.label, outcomes, promotion, noise: await noiseOf(arm) };
      },
    );
    show({ json: { ...done, outcomes: runsJson(done.outcomes) }, text: () => baselineRunLines(done) }, o);
    process.exitCode = done.promotion === null ? 1 : exitCodeOf(done.outcomes);
  });
}

function baselineRunLines(done: BaselineRunDone): string[] {
  const made =
    done.promotion === undefined
      ? `more seeds of the baseline ${done.label}`
      : done.promotion === null
        ? `${done.label} is NOT the baseline: none of its runs finished`
        : `${done.label} is the baseline (the first: it had nothing to beat)`;
  return [
    made,
    ...outcomeSummary(done.outcomes),
    ...noiseLines(done.noise.floor),
    ...(done.promotion === null ? [] : [NEXT_AFTER_BASELINE]),
  ];
}
