import type { Command } from 'commander';
import { runJson } from '../../http/v1/wire.js';
import { type StoreOption, withServices } from '../context.js';
import { formatTime, formatValue, printJson, table } from '../output.js';

export function registerShow(program: Command): void {
  program
    .command('show <run-id>')
    .description('show one run: info, params, tags, latest metrics and notes')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--json', 'machine-readable output')
    .action(async (runId: string, options: StoreOption & { json?: boolean }) => {
      const run = await withServices(options, (s) => s.runs.get(runId));
      if (options.json) return printJson(runJson(run));
      const { info } = run;
      const lines = [
        `run      ${info.id}  (${info.name})`,
        `project  ${info.projectId}`,
        `status   ${info.status}${info.lifecycleStage === 'deleted' ? ' (deleted)' : ''}`,
        `started  ${formatTime(info.startTime)}${info.endTime ? `   ended ${formatTime(info.endTime)}` : ''}`,
        ...(info.trialId
          ? [`trial    ${info.trialId}${info.seed === null ? '' : `  seed ${info.seed}`}`]
          : []),
        '',
        table(['PARAM', 'VALUE'], Object.entries(run.params)),
        '',
        table(
          ['METRIC', 'LATEST', 'STEP'],
          run.metrics.map((m) => [m.key, formatValue(m.value), m.step]),
        ),
        '',
        table(['TAG', 'VALUE'], Object.entries(run.tags)),
        ...(info.notes ? ['', info.notes] : []),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
