import { type Command, Option } from 'commander';
import { TRIAL_OUTCOMES, type TrialOutcome } from '../../core/trial-outcome.js';
import { notebookEntryJson } from '../../http/v1/trial-wire.js';
import {
  formatChanges,
  formatDelta,
  formatFlags,
  formatOutcome,
  formatSeeds,
} from '../../tracking/trials/report/format.js';
import { type StoreOption, withServices } from '../context.js';
import { printJson, table } from '../output.js';
import { resolveProject } from '../project-ref.js';

interface LogOptions extends StoreOption {
  json?: boolean;
  didntWork?: boolean;
  verdict?: TrialOutcome;
}

export function registerLog(program: Command): void {
  program
    .command('log [project]')
    .description("the lab notebook: every trial, newest first, with what didn't work")
    .option('--didnt-work', "only what didn't work: worse, no detectable difference, failed")
    .addOption(
      new Option('--verdict <outcome>', 'only trials with this verdict').choices([...TRIAL_OUTCOMES]),
    )
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--json', 'machine-readable output')
    .action(async (projectRef: string | undefined, o: LogOptions) => {
      const entries = await withServices(o, async (s) => {
        const project = await resolveProject(s, projectRef);
        return s.record.notebook(project.id, {
          ...(o.didntWork ? { didntWork: true } : {}),
          ...(o.verdict ? { outcomes: [o.verdict] } : {}),
        });
      });
      if (o.json) return printJson(entries.map(notebookEntryJson));
      process.stdout.write(
        `${table(
          ['#', 'HYPOTHESIS', 'CHANGES', 'SEEDS', 'DIFFERENCE [95% CI]', 'VERDICT', 'NOTES'],
          entries.map(({ trial, tally, isBaseline, promoted }) => [
            `${trial.number}${isBaseline ? '*' : ''}`,
            trial.hypothesis,
            formatChanges(trial),
            formatSeeds(tally),
            formatDelta(trial.evaluation),
            formatOutcome(trial.evaluation, promoted),
            [formatFlags(trial), trial.notes].filter((n) => n !== '').join(' · '),
          ]),
        )}\n${entries.some((e) => e.isBaseline) ? '* current baseline\n' : ''}`,
      );
    });
}
