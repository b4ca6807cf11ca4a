import { type Command, Option } from 'commander';
import type { Direction, SettingsChanges } from '../../sdk/index.js';
import { dateOption, integerOption, positiveNumber } from '../option-parsers.js';

/** How a project judges trials and time-boxes itself: options shared by `project create` and `settings`. */
export interface SettingsFlags {
  metric?: string;
  direction?: Direction;
  minEffect?: number;
  evalSetSizeMetric?: string;
  evalSet?: 'shared' | 'per-run';
  deadline?: number;
  trialBudget?: number;
  computeHours?: number;
  stallTrials?: number;
  stallDays?: number;
  autoPromote?: boolean;
}

export function settingsOptions(command: Command): Command {
  return command
    .option('--metric <key>', 'the primary metric every trial is judged on')
    .addOption(new Option('--direction <direction>', 'which way is better').choices(['maximize', 'minimize']))
    .option('--min-effect <x>', 'the smallest difference worth having', positiveNumber)
    .option('--eval-set-size-metric <key>', 'a metric each run logs with its evaluation-set size')
    .addOption(
      new Option(
        '--eval-set <how>',
        'the runs share one evaluation set (its sampling error is added to verdicts), or each draws its own',
      ).choices(['shared', 'per-run']),
    )
    .option('--deadline <date>', 'e.g. 2026-12-31', dateOption)
    .option('--trial-budget <n>', 'how many trials', integerOption('--trial-budget', 1, 1_000_000))
    .option('--compute-hours <h>', 'budget of compute hours (summed run durations)', positiveNumber)
    .option(
      '--stall-trials <k>',
      'stalled after K trials without a promotion',
      integerOption('--stall-trials', 1, 10_000),
    )
    .option('--stall-days <t>', 'stalled after T days without a promotion', positiveNumber)
    .option('--auto-promote', 'promote a trial as soon as it improved by the project’s rules')
    .option('--no-auto-promote', 'promote by hand only');
}

export function settingsChanges(flags: SettingsFlags): SettingsChanges {
  const entries: [keyof SettingsChanges, unknown][] = [
    ['primaryMetric', flags.metric],
    ['direction', flags.direction],
    ['minEffect', flags.minEffect],
    ['evalSetSizeMetric', flags.evalSetSizeMetric],
    ['evalSetShared', flags.evalSet === undefined ? undefined : flags.evalSet === 'shared'],
    ['deadline', flags.deadline],
    ['trialBudget', flags.trialBudget],
    ['computeHoursBudget', flags.computeHours],
    ['stallAfterTrials', flags.stallTrials],
    ['stallAfterDays', flags.stallDays],
    ['autoPromote', flags.autoPromote],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as SettingsChanges;
}
