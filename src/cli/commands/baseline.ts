import type { Command } from 'commander';
import { promotionJson, trialJson } from '../../http/v1/trial-wire.js';
import { formatDate, formatDelta } from '../../tracking/trials/report/format.js';
import { type StoreOption, withServices } from '../context.js';
import { printJson, table } from '../output.js';
import { resolveProject, resolveTrial } from '../project-ref.js';
import { evaluationLines, noiseLines } from '../trial-output.js';

export function registerBaseline(program: Command): void {
  const baseline = program
    .command('baseline')
    .description("a project's baseline: show it, set it, its history");

  baseline
    .command('show [project]')
    .description('the current baseline and its noise')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--json', 'machine-readable output')
    .action(async (projectRef: string | undefined, o: StoreOption & { json?: boolean }) => {
      const shown = await withServices(o, async (s) => {
        const project = await resolveProject(s, projectRef);
        return { current: await s.baselines.current(project.id), noise: await s.record.noise(project.id) };
      });
      const { current, noise } = shown;
      if (o.json) {
        return printJson(
          current && { trial: trialJson(current.trial), promotion: promotionJson(current.promotion) },
        );
      }
      if (!current) {
        process.stdout.write(
          'No baseline yet: `ratchet baseline set <trial>` (a simple heuristic is fine).\n',
        );
        return;
      }
      const { trial, promotion } = current;
      const lines = [
        `baseline           #${trial.number} ${trial.hypothesis}  (${trial.id})`,
        `since              ${formatDate(promotion.promotedTime)}${promotion.forced ? `, forced: ${promotion.reason}` : ''}`,
        ...noiseLines(noise.floor),
      ];
      if (promotion.evaluation)
        lines.push('promoted on:', ...evaluationLines(promotion.evaluation).map((l) => `  ${l}`));
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  baseline
    .command('set <trial>')
    .description(
      'promote a trial to baseline: refused unless its verdict is "improved", or --force with --reason',
    )
    .option('--force', 'promote whatever the verdict (needs --reason)')
    .option('--reason <text>', 'why (recorded in the history)')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--json', 'machine-readable output')
    .action(async (ref: string, o: StoreOption & { json?: boolean; force?: boolean; reason?: string }) => {
      const promotion = await withServices(o, async (s) => {
        const trial = await resolveTrial(s, ref);
        return s.baselines.promote(trial.id, {
          ...(o.force ? { force: true } : {}),
          ...(o.reason === undefined ? {} : { reason: o.reason }),
        });
      });
      if (o.json) return printJson(promotionJson(promotion));
      const how = promotion.evaluation ? `verdict ${promotion.evaluation.outcome}` : 'first baseline';
      process.stdout.write(
        `trial ${promotion.trialId} is the baseline (${how}${promotion.forced ? ', forced' : ''})\n`,
      );
    });

  baseline
    .command('history [project]')
    .description('every promotion: when, which trial, over which, and the verdict that justified it')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--json', 'machine-readable output')
    .action(async (projectRef: string | undefined, o: StoreOption & { json?: boolean }) => {
      const { history, numbers } = await withServices(o, async (s) => {
        const project = await resolveProject(s, projectRef);
        const trials = await s.trials.list(project.id);
        return {
          history: await s.baselines.history(project.id),
          numbers: new Map(trials.map((t) => [t.id, `#${t.number}`])),
        };
      });
      if (o.json) return printJson(history.map(promotionJson));
      const number = (id: string | null) => (id === null ? '' : (numbers.get(id) ?? id));
      process.stdout.write(
        `${table(
          ['PROMOTED', 'TRIAL', 'OVER', 'VERDICT', 'DIFFERENCE [95% CI]', 'HOW'],
          history.map((p) => [
            formatDate(p.promotedTime),
            number(p.trialId),
            number(p.previousTrialId),
            p.evaluation?.outcome ?? 'first baseline',
            formatDelta(p.evaluation),
            p.forced ? `forced: ${p.reason}` : p.automatic ? 'auto' : '',
          ]),
        )}\n`,
      );
    });
}
