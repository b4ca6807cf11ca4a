import type { Command } from 'commander';
import { runJson } from '../../http/v1/wire.js';
import { type StoreOption, withServices } from '../context.js';
import { formatTime, formatValue, printJson, table } from '../output.js';
import { integerOption } from '../parse.js';

interface RunsOptions extends StoreOption {
  json?: boolean;
  maxResults: number;
  filter?: string;
  orderBy?: string;
}

export function registerRuns(program: Command): void {
  program
    .command('runs <project>')
    .description('list the runs of a project (by name or id), newest first')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--max-results <n>', 'how many runs', integerOption('--max-results', 1, 50_000), 100)
    .option('--filter <expr>', `e.g. "metrics.acc > 0.9 AND (params.lr = '0.1' OR tags.kind = 'cnn')"`)
    .option('--order-by <clause>', 'e.g. "metrics.acc DESC"')
    .option('--json', 'machine-readable output')
    .action(async (projectRef: string, options: RunsOptions) => {
      const runs = await withServices(options, async (s) => {
        const project = await s.projects.getByName(projectRef).catch(async (error) => {
          if (/^\d+$/.test(projectRef)) return s.projects.get(projectRef);
          throw error;
        });
        const page = await s.runs.search({
          projectIds: [project.id],
          maxResults: options.maxResults,
          ...(options.filter === undefined ? {} : { filter: options.filter }),
          ...(options.orderBy === undefined ? {} : { orderBy: [options.orderBy] }),
        });
        return page.runs;
      });
      if (options.json) return printJson(runs.map(runJson));
      const keys = [...new Set(runs.flatMap((r) => r.metrics.map((m) => m.key)))].sort().slice(0, 4);
      process.stdout.write(
        `${table(
          ['RUN', 'NAME', 'STATUS', 'STARTED', ...keys],
          runs.map((r) => [
            r.info.id,
            r.info.name,
            r.info.status,
            formatTime(r.info.startTime),
            ...keys.map((k) => {
              const metric = r.metrics.find((m) => m.key === k);
              return metric ? formatValue(metric.value) : '';
            }),
          ]),
        )}\n`,
      );
    });
}
