import { type Command, Option } from 'commander';
import type { Direction } from '../../core/project.js';
import { settingsJson } from '../../http/v1/trial-wire.js';
import type { ProjectSettingsUpdate } from '../../tracking/trials/settings-service.js';
import { type StoreOption, withServices } from '../context.js';
import { dateOption, positiveNumber } from '../option-parsers.js';
import { printJson, table } from '../output.js';
import { integerOption } from '../parse.js';
import { resolveProject } from '../project-ref.js';

interface SettingsOptions extends StoreOption {
  json?: boolean;
  primaryMetric?: string;
  direction?: Direction;
  minEffect?: number;
  evalSetSizeMetric?: string;
  deadline?: number;
  trialBudget?: number;
  computeHours?: number;
  stallTrials?: number;
  stallDays?: number;
  autoPromote?: boolean;
}

export function registerSettings(program: Command): void {
  program
    .command('settings [project]')
    .description('show or change how a project judges trials: metric, minimum effect, budgets, stall limits')
    .option('--primary-metric <key>', 'the metric every trial is judged on')
    .addOption(new Option('--direction <direction>', 'which way is better').choices(['maximize', 'minimize']))
    .option('--min-effect <x>', 'smallest difference worth having', positiveNumber)
    .option('--eval-set-size-metric <key>', 'a metric holding the evaluation-set size (proportion metrics)')
    .option('--deadline <date>', 'e.g. 2026-12-31', dateOption)
    .option('--trial-budget <n>', 'how many trials', integerOption('--trial-budget', 1, 1_000_000))
    .option('--compute-hours <h>', 'budget of compute hours', positiveNumber)
    .option(
      '--stall-trials <k>',
      'stalled after K trials without a promotion',
      integerOption('--stall-trials', 1, 10_000),
    )
    .option('--stall-days <t>', 'stalled after T days without a promotion', positiveNumber)
    .option('--auto-promote', 'promote a trial as soon as it improved')
    .option('--no-auto-promote', 'promote by hand only')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--json', 'machine-readable output')
    .action(async (projectRef: string | undefined, o: SettingsOptions) => {
      const update: ProjectSettingsUpdate = {
        ...(o.primaryMetric === undefined ? {} : { primaryMetric: o.primaryMetric }),
        ...(o.direction === undefined ? {} : { direction: o.direction }),
        ...(o.minEffect === undefined ? {} : { minEffect: o.minEffect }),
        ...(o.evalSetSizeMetric === undefined ? {} : { evalSetSizeMetric: o.evalSetSizeMetric }),
        ...(o.deadline === undefined ? {} : { deadline: o.deadline }),
        ...(o.trialBudget === undefined ? {} : { trialBudget: o.trialBudget }),
        ...(o.computeHours === undefined ? {} : { computeHoursBudget: o.computeHours }),
        ...(o.stallTrials === undefined ? {} : { stallAfterTrials: o.stallTrials }),
        ...(o.stallDays === undefined ? {} : { stallAfterDays: o.stallDays }),
        ...(o.autoPromote === undefined ? {} : { autoPromote: o.autoPromote }),
      };
      const json = await withServices(o, async (s) => {
        const project = await resolveProject(s, projectRef);
        const result =
          Object.keys(update).length === 0
            ? await s.projectSettings.get(project.id)
            : await s.projectSettings.update(project.id, update);
        return settingsJson(result);
      });
      if (o.json) return printJson(json);
      process.stdout.write(
        `${table(
          ['SETTING', 'VALUE'],
          Object.entries(json).map(([key, value]) => [key, value === null ? '' : String(value)]),
        )}\n`,
      );
    });
}
