import type { Command } from 'commander';
import { projectJson } from '../../http/v1/wire.js';
import { type StoreOption, withServices } from '../context.js';
import { formatTime, printJson, table } from '../output.js';

export function registerProjects(program: Command): void {
  program
    .command('projects')
    .description('list projects (MLflow experiments)')
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--all', 'include deleted projects')
    .option('--json', 'machine-readable output')
    .action(async (options: StoreOption & { json?: boolean; all?: boolean }) => {
      const projects = await withServices(options, (s) =>
        s.projects.list(options.all ? 'ALL' : 'ACTIVE_ONLY'),
      );
      if (options.json) return printJson(projects.map(projectJson));
      process.stdout.write(
        `${table(
          ['ID', 'NAME', 'METRIC', 'CREATED', 'STAGE'],
          projects.map((p) => [
            p.id,
            p.name,
            p.primaryMetric ? `${p.primaryMetric} (${p.direction ?? '?'})` : '',
            formatTime(p.creationTime),
            p.lifecycleStage,
          ]),
        )}\n`,
      );
    });
}
