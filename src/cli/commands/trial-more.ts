import type { Command } from 'commander';
import { prepareTopUp } from '../../runner/trials/prepare-top-up.js';
import { clientOptions } from '../client-options.js';
import { type ConfigRunOptions, configRunOptions, judgedTrial, withConfigRunner } from '../config-runner.js';
import { exitCodeOf } from '../execute-plans.js';
import { show } from '../output.js';
import { trialNumbers } from '../trial-numbers.js';
import { trialRunJson, trialRunLines } from '../trial-run-lines.js';

/** `ratchet trial more`: registered on the `trial` command. */
export function registerTrialMore(trial: Command): void {
  clientOptions(
    configRunOptions(
      trial
        .command('more <trial>')
        .summary('run the seeds a trial’s verdict asks for')
        .description(
          'run the seeds its verdict asks for, with the config’s command: for the trial and, when it needs ' +
            'them too, for the baseline; then judge it again',
        ),
      'this many more seeds of the trial, the baseline brought level (default: what the verdict asks for)',
    ),
  ).action(async (ref: string, o: ConfigRunOptions) => {
    const done = await withConfigRunner(o, async ({ client, config, run }) => {
      const topUp = await prepareTopUp(client, config, ref, o.seeds === undefined ? {} : { seeds: o.seeds });
      const outcomes = await run(topUp.arms);
      return {
        label: topUp.label,
        outcomes,
        trial: await judgedTrial(client, topUp.trial.id),
        numbers: await trialNumbers(client, topUp.trial.project_id),
      };
    });
    show(
      {
        json: trialRunJson(done.trial, done.outcomes),
        text: () => trialRunLines(done.label, done.trial, done.outcomes, done.numbers),
      },
      o,
    );
    process.exitCode = exitCodeOf(done.outcomes);
  });
}
