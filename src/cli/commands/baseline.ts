import type { Command } from 'commander';
import { formatDate, formatDelta } from '../../core/format.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { fields, show, table } from '../output.js';
import { resolveProject, trialRef } from '../refs.js';
import { withClient } from '../target.js';
import { trialNumbers } from '../trial-numbers.js';
import { evaluationLines, noiseLines } from '../verdict-lines.js';
import { registerBaselineRun } from './baseline-run.js';

export function registerBaseline(program: Command): void {
  const baseline = program
    .command('baseline')
    .description("a project's baseline: show it, set it, its history");

  clientOptions(baseline.command('show [project]').description('the current baseline and its noise')).action(
    async (ref: string | undefined, o: ClientOptions) => {
      const { current, noise, numbers } = await withClient(o, async (client) => {
        const project = { id: (await resolveProject(client, ref)).id };
        return {
          current: await client.projects.baseline(project),
          noise: await client.projects.noise(project),
          numbers: await trialNumbers(client, project.id),
        };
      });
      show(
        {
          json: current,
          text: () => {
            if (!current)
              return 'No baseline yet: `ratchet baseline set <trial>` (a simple heuristic is fine).';
            const { trial, promotion } = current;
            return [
              ...fields([
                ['baseline', `#${trial.number} ${trial.hypothesis}  (${trial.id})`],
                [
                  'since',
                  `${formatDate(promotion.promoted_time)}${promotion.forced ? `, forced: ${promotion.reason}` : ''}`,
                ],
              ]),
              ...noiseLines(noise.floor),
              ...(promotion.evaluation
                ? ['promoted on:', ...evaluationLines(promotion.evaluation, numbers).map((l) => `  ${l}`)]
                : []),
            ];
          },
        },
        o,
      );
    },
  );

  clientOptions(
    baseline
      .command('set <trial>')
      .description(
        "promote a trial to baseline: refused unless it improved by the project's rules (minimum effect, one " +
          'change at a time), or --force with --reason',
      )
      .option('--force', 'promote whatever the verdict and the rules say (needs --reason)')
      .option('--reason <text>', 'why (recorded in the history and the notebook)'),
  ).action(async (ref: string, o: ClientOptions & { force?: boolean; reason?: string }) => {
    const promotion = await withClient(o, async (client) => {
      const handle = await client.trials.get(await trialRef(client, ref));
      return handle.promote({
        ...(o.force ? { force: true } : {}),
        ...(o.reason === undefined ? {} : { reason: o.reason }),
      });
    });
    const how = promotion.evaluation ? `verdict ${promotion.evaluation.outcome}` : 'first baseline';
    show(
      {
        json: promotion,
        text: () =>
          `trial ${ref} is the baseline (${how}${promotion.forced ? `, forced: ${promotion.reason}` : ''})`,
      },
      o,
    );
  });

  clientOptions(
    baseline
      .command('history [project]')
      .description('every promotion: when, which trial, over which, and the verdict that justified it'),
  ).action(async (ref: string | undefined, o: ClientOptions) => {
    const { history, numbers } = await withClient(o, async (client) => {
      const project = { id: (await resolveProject(client, ref)).id };
      return {
        history: await client.projects.baselineHistory(project),
        numbers: await trialNumbers(client, project.id),
      };
    });
    const number = (id: string | null) => (id === null ? '' : numbers.has(id) ? `#${numbers.get(id)}` : id);
    show(
      {
        json: history,
        text: () =>
          table(
            ['PROMOTED', 'TRIAL', 'OVER', 'VERDICT', 'DIFFERENCE [95% CI]', 'HOW'],
            history.map((p) => [
              formatDate(p.promoted_time),
              number(p.trial_id),
              number(p.previous_trial_id),
              p.evaluation?.outcome ?? 'first baseline',
              formatDelta(p.evaluation?.comparison),
              p.forced ? `forced: ${p.reason}` : p.automatic ? 'auto' : '',
            ]),
          ),
      },
      o,
    );
  });

  registerBaselineRun(baseline);
}
