import type { Command } from 'commander';
import { formatDate } from '../../core/format.js';
import type { AliasEvent } from '../../sdk/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { integerOption } from '../option-parsers.js';
import { show, table } from '../output.js';
import { withClient } from '../target.js';

interface AliasOptions extends ClientOptions {
  trial?: string;
  reason?: string;
}

/** `ratchet model alias` and `ratchet model history`: moves that must be justified, and the record of them all. */
export function registerModelAliases(model: Command): void {
  clientOptions(
    model
      .command('alias <name> <alias> <version>')
      .description(
        'point an alias at a version, justified by the improved trial it comes from (--trial) or by --reason ' +
          '(a forced move); recorded in the history',
      )
      .option('--trial <id>', 'the trial judged improved that the version was trained in')
      .option('--reason <text>', 'why, when no improved trial justifies it'),
  ).action(async (name: string, alias: string, version: string, o: AliasOptions) => {
    const number = integerOption('<version>', 1, Number.MAX_SAFE_INTEGER)(version);
    const moved = await withClient(o, (client) =>
      client.models.moveAlias(name, alias, number, {
        ...(o.trial === undefined ? {} : { trialId: o.trial }),
        ...(o.reason === undefined ? {} : { reason: o.reason }),
      }),
    );
    show({ json: moved, text: () => [`${name}@${alias} → version ${moved.version} (${moved.source})`] }, o);
  });

  clientOptions(
    model
      .command('history <name>')
      .description(
        "every move of the model's aliases, newest first: through which route, from and to which version, why",
      ),
  ).action(async (name: string, o: ClientOptions) => {
    const events = await withClient(o, (client) => client.models.aliasHistory(name));
    show({ json: events, text: () => historyLines(name, events) }, o);
  });
}

function historyLines(name: string, events: readonly AliasEvent[]): string[] {
  if (events.length === 0) return [`${name}: no alias has been set`];
  return [
    table(
      ['WHEN', 'ALIAS', 'VERSION', 'VIA', 'WHY'],
      events.map((e) => [
        formatDate(e.time),
        e.alias,
        `${e.previous_version ?? '—'} → ${e.version ?? 'deleted'}`,
        e.via,
        [e.trial ? `${e.trial.project}#${e.trial.number}` : e.trial_id && `trial ${e.trial_id}`, e.reason]
          .filter(Boolean)
          .join(': ') || '—',
      ]),
    ),
  ];
}
