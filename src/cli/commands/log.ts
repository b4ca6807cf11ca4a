import { type Command, Option } from 'commander';
import {
  formatChanges,
  formatDelta,
  formatFlags,
  formatForced,
  formatOutcome,
  formatSeeds,
} from '../../core/format.js';
import { NOTEBOOK_OUTCOMES, type NotebookOutcome } from '../../core/trial-rules.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { show, table } from '../output.js';
import { resolveProject } from '../refs.js';
import { withClient } from '../target.js';

interface LogOptions extends ClientOptions {
  didntWork?: boolean;
  verdict?: NotebookOutcome;
}

export function registerLog(program: Command): void {
  clientOptions(
    program
      .command('log [project]')
      .description("the lab notebook: every trial, newest first, with what didn't work")
      .option('--didnt-work', "only what didn't work: worse, no detectable difference, failed")
      .addOption(
        new Option('--verdict <outcome>', 'only trials with this verdict').choices([...NOTEBOOK_OUTCOMES]),
      ),
  ).action(async (ref: string | undefined, o: LogOptions) => {
    const entries = await withClient(o, async (client) =>
      client.projects.notebook(
        { id: (await resolveProject(client, ref)).id },
        {
          ...(o.didntWork ? { didntWork: true } : {}),
          ...(o.verdict ? { outcome: o.verdict } : {}),
        },
      ),
    );
    show(
      {
        json: entries,
        text: () => [
          table(
            ['#', 'HYPOTHESIS', 'CHANGES', 'SEEDS', 'DIFFERENCE [95% CI]', 'VERDICT', 'NOTES'],
            entries.map((e) => [
              `${e.number}${e.is_baseline ? '*' : ''}`,
              e.hypothesis,
              formatChanges(e.parent_trial_id, e.change_set),
              formatSeeds(e.runs_tally),
              formatDelta(e.evaluation?.comparison),
              formatOutcome(e.notebook_outcome, e.evaluation?.comparison?.additional_runs_per_arm),
              [
                formatFlags(e.change_set.length, e.accepted_changes_reason),
                formatForced(e.promotion),
                e.notes,
              ]
                .filter((n) => n !== '')
                .join(' · '),
            ]),
          ),
          ...(entries.some((e) => e.is_baseline) ? ['* current baseline'] : []),
        ],
      },
      o,
    );
  });
}
