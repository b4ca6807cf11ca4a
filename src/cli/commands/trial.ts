import type { Command } from 'commander';
import { trialDetailJson, trialJson } from '../../http/v1/trial-wire.js';
import { formatDate, formatFlags, formatNumber, formatSeeds } from '../../tracking/trials/report/format.js';
import type { TrialDetail } from '../../tracking/trials/trial-service.js';
import { type StoreOption, withServices } from '../context.js';
import { collect, keyValue } from '../option-parsers.js';
import { printJson, table } from '../output.js';
import { resolveProject, resolveTrial } from '../project-ref.js';
import { changeLines, evaluationLines } from '../trial-output.js';

interface NewTrialOptions extends StoreOption {
  hypothesis: string;
  parent?: string | false;
  param?: Record<string, string>;
  feature?: string[];
  codeVersion?: string;
  data?: Record<string, string>;
  env?: Record<string, string>;
  notes?: string;
  json?: boolean;
}

export function registerTrial(program: Command): void {
  const trial = program.command('trial').description('trials: one hypothesis, one change, several seeds');

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
    .option('--notes <text>', 'notes')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--json', 'machine-readable output')
    .action(async (projectRef: string | undefined, o: NewTrialOptions) => {
      const created = await withServices(o, async (s) => {
        const project = await resolveProject(s, projectRef);
        const parent = o.parent === false ? null : o.parent && (await resolveTrial(s, o.parent)).id;
        return s.trials.create({
          projectId: project.id,
          hypothesis: o.hypothesis,
          ...(parent === undefined ? {} : { parentTrialId: parent }),
          ...(o.param ? { params: o.param } : {}),
          ...(o.feature ? { features: o.feature } : {}),
          ...(o.codeVersion ? { codeVersion: o.codeVersion } : {}),
          ...(o.data ? { data: o.data } : {}),
          ...(o.env ? { environment: o.env } : {}),
          ...(o.notes ? { notes: o.notes } : {}),
        });
      });
      if (o.json) return printJson(trialJson(created));
      const lines = [
        `trial ${created.id}  (#${created.number})`,
        `runs join it with trial_id=${created.id} and a seed, or the tags ratchet.trial / ratchet.seed`,
        'changes:',
        ...changeLines(created.changeSet),
      ];
      if (formatFlags(created)) {
        lines.push(
          `flag: ${formatFlags(created)} — one change at a time; accept with \`ratchet trial accept\``,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  trial
    .command('show <trial>')
    .description('a trial: hypothesis, change-set, runs, per-metric summaries and its verdict')
    .option('--refresh', 'recompute the verdict first')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--json', 'machine-readable output')
    .action(async (ref: string, o: StoreOption & { json?: boolean; refresh?: boolean }) => {
      const detail = await withServices(o, async (s) => {
        const found = await resolveTrial(s, ref);
        if (o.refresh) await s.trials.refresh(found.id);
        return s.trials.detail(found.id);
      });
      if (o.json) return printJson(trialDetailJson(detail));
      process.stdout.write(`${detailLines(detail).join('\n')}\n`);
    });

  trial
    .command('accept <trial>')
    .description('accept that a trial changes more than one thing, saying why (recorded)')
    .requiredOption('--reason <text>', 'why several changes at once are fine here')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .action(async (ref: string, o: StoreOption & { reason: string }) => {
      const accepted = await withServices(o, async (s) =>
        s.trials.acceptChanges((await resolveTrial(s, ref)).id, o.reason),
      );
      process.stdout.write(`${formatFlags(accepted)}\n`);
    });
}

function detailLines(d: TrialDetail): string[] {
  const { trial } = d;
  return [
    `trial #${trial.number}  ${trial.id}${d.isBaseline ? '  (baseline)' : ''}`,
    `hypothesis         ${trial.hypothesis}`,
    `parent             ${trial.parentTrialId ?? '(none)'}`,
    `created            ${formatDate(trial.createdTime)}`,
    `runs               ${formatSeeds(d.tally)}`,
    ...(formatFlags(trial) ? [`flags              ${formatFlags(trial)}`] : []),
    ...(trial.notes ? [`notes              ${trial.notes}`] : []),
    'changes:',
    ...changeLines(trial.changeSet),
    '',
    ...evaluationLines(trial.evaluation),
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
      d.runs.map((r) => [r.info.id, r.info.seed, r.info.status]),
    ),
  ];
}
