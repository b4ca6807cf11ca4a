import type { Command } from 'commander';
import { formatDay, formatHours, formatNumber } from '../../core/format.js';
import type { Settings } from '../../sdk/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { fields, show } from '../output.js';
import { resolveProject } from '../refs.js';
import { withClient } from '../target.js';
import { type SettingsFlags, settingsChanges, settingsOptions } from './settings-options.js';

export function registerSettings(program: Command): void {
  clientOptions(
    settingsOptions(
      program
        .command('settings [project]')
        .description(
          'show or change how a project judges trials: metric, minimum effect, budgets, stall limits',
        ),
    ),
  ).action(async (ref: string | undefined, o: ClientOptions & SettingsFlags) => {
    const settings = await withClient(o, async (client) => {
      const project = { id: (await resolveProject(client, ref)).id };
      const changes = settingsChanges(o);
      return Object.keys(changes).length === 0
        ? client.projects.settings(project)
        : client.projects.updateSettings(project, changes);
    });
    show({ json: settings, text: () => settingsLines(settings) }, o);
  });
}

/** A project's settings as people read them: dates as dates, compute in hours and minutes. */
export function settingsLines(s: Settings): string[] {
  const unset = '(not set)';
  return fields([
    [
      'primary metric',
      s.primary_metric === null ? unset : `${s.primary_metric} (${s.direction ?? 'direction not set'})`,
    ],
    ['minimum effect', s.min_effect === null ? unset : formatNumber(s.min_effect)],
    [
      'evaluation set',
      `${s.eval_set_shared ? 'shared by all runs' : 'drawn by each run'}` +
        (s.eval_set_size_metric === null
          ? '; size not logged'
          : `; size in metric ${s.eval_set_size_metric}`),
    ],
    ['deadline', s.deadline === null ? 'none' : formatDay(s.deadline)],
    ['trial budget', s.trial_budget === null ? 'none' : `${s.trial_budget} trials`],
    ['compute budget', s.compute_hours_budget === null ? 'none' : formatHours(s.compute_hours_budget)],
    [
      'stalled after',
      `${s.stall_after_trials} trials or ${formatNumber(s.stall_after_days)} days without a promotion`,
    ],
    ['auto-promote', s.auto_promote ? 'on' : 'off'],
  ]);
}
