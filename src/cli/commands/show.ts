import type { Command } from 'commander';
import { formatDate, formatNumber } from '../../core/format.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { fields, show, table } from '../output.js';
import { withClient } from '../target.js';

export function registerShow(program: Command): void {
  clientOptions(
    program
      .command('show <run-id>')
      .description('show one run: info, params, tags, latest metrics and notes'),
  ).action(async (runId: string, o: ClientOptions) => {
    const run = await withClient(o, (client) => client.runs.get(runId));
    show(
      {
        json: run,
        text: () => [
          ...fields([
            ['run', `${run.id}  (${run.name})`],
            ['project', run.project_id],
            ['status', `${run.status}${run.lifecycle_stage === 'deleted' ? ' (deleted)' : ''}`],
            ['started', formatDate(run.start_time)],
            ['ended', formatDate(run.end_time)],
            [
              'trial',
              run.trial_id === null ? '' : `${run.trial_id}${run.seed === null ? '' : `  seed ${run.seed}`}`,
            ],
          ]),
          '',
          table(['PARAM', 'VALUE'], Object.entries(run.params)),
          '',
          table(
            ['METRIC', 'LATEST', 'STEP'],
            Object.entries(run.metrics).map(([key, point]) => [
              key,
              formatNumber(point.value, 6),
              point.step,
            ]),
          ),
          '',
          table(['TAG', 'VALUE'], Object.entries(run.tags)),
          ...(run.notes ? ['', run.notes] : []),
        ],
      },
      o,
    );
  });
}
