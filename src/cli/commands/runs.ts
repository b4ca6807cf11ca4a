import type { Command } from 'commander';
import { formatDate, formatNumber } from '../../core/format.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { integerOption } from '../option-parsers.js';
import { show, table } from '../output.js';
import { resolveProject } from '../refs.js';
import { withClient } from '../target.js';

interface RunsOptions extends ClientOptions {
  maxResults: number;
  filter?: string;
  orderBy?: string[];
}

export function registerRuns(program: Command): void {
  clientOptions(
    program
      .command('runs [project]')
      .description('list the runs of a project (by name or id), newest first')
      .option('--max-results <n>', 'how many runs', integerOption('--max-results', 1, 50_000), 100)
      .option('--filter <expr>', `e.g. "metrics.acc > 0.9 AND (params.lr = '0.1' OR tags.kind = 'cnn')"`)
      .option(
        '--order-by <clause>',
        'e.g. "metrics.acc DESC" (repeatable)',
        (raw, previous: string[] = []) => [...previous, raw],
      ),
  ).action(async (ref: string | undefined, o: RunsOptions) => {
    const runs = await withClient(o, async (client) => {
      const project = await resolveProject(client, ref);
      const page = await client.runs.search(
        { id: project.id },
        {
          maxResults: o.maxResults,
          ...(o.filter === undefined ? {} : { filter: o.filter }),
          ...(o.orderBy === undefined ? {} : { orderBy: o.orderBy }),
        },
      );
      return page.runs;
    });
    const keys = [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort().slice(0, 4);
    show(
      {
        json: runs,
        text: () =>
          table(
            ['RUN', 'NAME', 'STATUS', 'STARTED', ...keys],
            runs.map((r) => [
              r.id,
              r.name,
              r.status,
              formatDate(r.start_time),
              ...keys.map((k) => formatNumber(r.metrics[k]?.value, 6)),
            ]),
          ),
      },
      o,
    );
  });
}
