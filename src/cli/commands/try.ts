import type { Command } from 'commander';
import { createTrial } from '../../runner/trials/new-trial.js';
import { prepareTry } from '../../runner/trials/prepare-try.js';
import { clientOptions } from '../client-options.js';
import { type ConfigRunOptions, configRunOptions, judgedTrial, withConfigRunner } from '../config-runner.js';
import { exitCodeOf } from '../execute-plans.js';
import { keyValue } from '../option-parsers.js';
import { show } from '../output.js';
import { trialNumbers } from '../trial-numbers.js';
import { trialRunJson, trialRunLines } from '../trial-run-lines.js';

interface TryOptions extends ConfigRunOptions {
  hypothesis: string;
  allowMultiple?: boolean;
}

export function registerTry(program: Command): void {
  clientOptions(
    configRunOptions(
      program
        .command('try')
        .description(
          "test one change: a trial of the baseline's config (ratchet.json) with that param changed, run on " +
            'its seeds and judged against the baseline',
        )
        .argument('<param=value...>', 'the change, e.g. lr=0.01', keyValue)
        .requiredOption('--hypothesis <text>', 'what you expect this change to do, and why')
        .option('--allow-multiple', 'test several changes together (the trial is flagged)'),
      'this many seeds (default: the config’s seeds)',
    ),
  ).action(async (changes: Record<string, string>, o: TryOptions) => {
    const done = await withConfigRunner(o, async ({ client, config, capture, run }) => {
      const request = {
        changes,
        hypothesis: o.hypothesis,
        allowMultiple: o.allowMultiple ?? false,
        ...(o.seeds === undefined ? {} : { seeds: o.seeds }),
      };
      const { arm } = await createTrial(client, await prepareTry(client, config, request, capture));
      const outcomes = await run([arm]);
      return {
        label: arm.trial.label,
        outcomes,
        trial: await judgedTrial(client, arm.trial.id),
        numbers: await trialNumbers(client, arm.projectId),
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
