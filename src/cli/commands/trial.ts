import type { Command } from 'commander';
import { formatDate, formatFlags, formatNumber, formatSeeds } from '../../core/format.js';
import type { TrialDetail } from '../../sdk/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { collect, keyValue } from '../option-parsers.js';
import { fields, show, table } from '../output.js';
import { resolveProject, trialRef } from '../refs.js';
import { withClient } from '../target.js';
import { trialNumbers } from '../trial-numbers.js';
import { changeLines, evaluationLines } from '../verdict-lines.js';
import { registerTrialMore } from './trial-more.js';

interface NewTrialOptions extends ClientOptions {
  hypothesis: string;
  parent?: string | false;
  param?: Record<string, string>;
  feature?: string[];
  codeVersion?: string;
  data?: Record<string, string>;
  env?: Record<string, string>;
  notes?: string;
}

export function registerTrial(program: Command): void {
  const trial = program.command('trial').description('trials: one hypothesis, one change, several seeds');

  clientOptions(
    trial
      .command('new [project]')
      .description(
        "start a trial; its parent is the project's baseline unless --parent or --no-parent says otherwise",
      )
      .requiredOption('--hypothesis <text>', 'what you expect this change to do, and why')
      .option('--parent <trial>', 'the trial this one changes (id or project#N)')
      .option('--no-parent', 'no parent: a first, e.g. heuristic, baseline')
      .option('--param <key=value>', 'a param of the configuration (repeatable)', keyValue)
      .option('--feature <name>', 'a feature in use (repeatable)', collect)
      .option('--code-version <version>', 'e.g. a git commit')
      .option('--data <name=fingerprint>', 'a data set and its fingerprint (repeatable)', keyValue)
      .option('--env <key=value>', 'an environment entry (repeatable)', keyValue)
      .option('--notes <text>', 'notes'),
  ).action(async (ref: string | undefined, o: NewTrialOptions) => {
    const created = await withClient(o, async (client) => {
      const project = await resolveProject(client, ref);
      const parent = o.parent === false ? null : o.parent && (await trialRef(client, o.parent));
      const handle = await client.trials.start({
        project: { id: project.id },
        hypothesis: o.hypothesis,
        ...(parent === undefined ? {} : { parent }),
        ...(o.param ? { params: o.param } : {}),
        ...(o.feature ? { features: o.feature } : {}),
        ...(o.codeVersion ? { codeVersion: o.codeVersion } : {}),
        ...(o.data ? { data: o.data } : {}),
        ...(o.env ? { environment: o.env } : {}),
        ...(o.notes ? { notes: o.notes } : {}),
      });
      return { trial: handle.info, project: project.name };
    });
    const t = created.trial;
    const flags = formatFlags(t.change_set.length, t.accepted_changes_reason);
    show(
      {
        json: t,
        text: () => [
          `trial ${created.project}#${t.number}  (${t.id})`,
          `runs join it with trial_id=${created.project}#${t.number} (or ${t.id}) and a seed, or the tags ratchet.trial / ratchet.seed`,
          'changes:',
          ...changeLines(t),
          ...(flags ? [`flag: ${flags} — one change at a time; accept with \`ratchet trial accept\``] : []),
        ],
      },
      o,
    );
  });

  clientOptions(
    trial
      .command('show <trial>')
      .description('a trial: hypothesis, change-set, runs, per-metric summaries and its verdict')
      .option('--refresh', 'recompute the verdict first'),
  ).action(async (ref: string, o: ClientOptions & { refresh?: boolean }) => {
    const { detail, numbers } = await withClient(o, async (client) => {
      const handle = await client.trials.get(await trialRef(client, ref));
      if (o.refresh) await handle.refresh();
      return { detail: await handle.get(), numbers: await trialNumbers(client, handle.info.project_id) };
    });
    show({ json: detail, text: () => detailLines(detail, numbers) }, o);
  });

  clientOptions(
    trial
      .command('accept <trial>')
      .description('accept that a trial changes more than one thing, saying why (recorded)')
      .requiredOption('--reason <text>', 'why several changes at once are fine here'),
  ).action(async (ref: string, o: ClientOptions & { reason: string }) => {
    const accepted = await withClient(o, async (client) =>
      (await client.trials.get(await trialRef(client, ref))).acceptChanges(o.reason),
    );
    show(
      {
        json: accepted,
        text: () =>
          formatFlags(accepted.change_set.length, accepted.accepted_changes_reason) ||
          'one change: nothing to accept',
      },
      o,
    );
  });

  registerTrialMore(trial);
}

function detailLines(d: TrialDetail, numbers: ReadonlyMap<string, number>): string[] {
  const parent = d.parent_trial_id;
  const flags = formatFlags(d.change_set.length, d.accepted_changes_reason);
  return [
    `trial #${d.number}  ${d.id}${d.is_baseline ? '  (baseline)' : ''}`,
    ...fields([
      ['hypothesis', d.hypothesis],
      ['parent', parent === null ? '(none)' : numbers.has(parent) ? `#${numbers.get(parent)}` : parent],
      ['created', formatDate(d.created_time)],
      ['runs', formatSeeds(d.runs_tally)],
      ['flags', flags],
      ['notes', d.notes],
    ]),
    'changes:',
    ...changeLines(d),
    '',
    ...evaluationLines(d.evaluation, numbers),
    '',
    table(
      ['METRIC', 'N', 'MEAN', 'SD', '95% CI', 'IQM', 'MIN', 'MAX'],
      Object.entries(d.metrics).map(([key, m]) => [
        key,
        m.n,
        formatNumber(m.mean),
        formatNumber(m.sd),
        `[${formatNumber(m.ci[0])}, ${formatNumber(m.ci[1])}]`,
        formatNumber(m.iqm),
        formatNumber(m.min),
        formatNumber(m.max),
      ]),
    ),
    '',
    table(
      ['RUN', 'SEED', 'STATUS'],
      d.runs.map((r) => [r.id, r.seed, r.status]),
    ),
  ];
}
