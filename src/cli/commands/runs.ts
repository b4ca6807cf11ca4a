import type { Command } from 'commander';
import { formatDate, formatNumber } from '../../core/format.js';
import type { EvaluationErrors } from '../../sdk/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { errorLines } from '../error-lines.js';
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
  const runs = program.command('runs [project]');
  clientOptions(
    runs
      .description('list the runs of a project (by name or id), newest first')
      .option('--max-results <n>', 'how many runs', integerOption('--max-results', 1, 50_000), 100)
      .option('--filter <expr>', `e.g. "metrics.acc > 0.9 AND (params.lr = '0.1' OR tags.kind = 'cnn')"`)
      .option(
        '--order-by <clause>',
        'e.g. "metrics.acc DESC" (repeatable)',
        (raw, previous: string[] = []) => [...previous, raw],
      ),
  ).action(async (ref: string | undefined, o: RunsOptions) => {
    const found = await withClient(o, async (client) => {
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
    const keys = [...new Set(found.flatMap((r) => Object.keys(r.metrics)))].sort().slice(0, 4);
    show(
      {
        json: found,
        text: () =>
          table(
            ['RUN', 'NAME', 'STATUS', 'STARTED', ...keys],
            found.map((r) => [
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

  clientOptions(
    runs
      .command('errors <run>')
      .description(
        'error analysis of the evaluation a run logged (run.logEvaluation): confusion matrix, the most ' +
          'confident wrong examples and the worst input slices',
      )
      .option('--top <n>', 'how many confident wrong examples', integerOption('--top', 1, 1000)),
  ).action(async (runId: string, _own: ErrorsOptions, command: Command) => {
    // `runs` has the same client options and takes them wherever they stand: merge both levels.
    const o = command.optsWithGlobals<ErrorsOptions>();
    const analysis = await withClient(o, (client) =>
      client.runs.errors(runId, o.top === undefined ? {} : { top: o.top }),
    );
    show({ json: analysis, text: () => runErrorLines(analysis) }, o);
  });
}

interface ErrorsOptions extends ClientOptions {
  top?: number;
}

function runErrorLines(e: EvaluationErrors): string[] {
  const runs = e.runs.map((r) => (r.seed === null ? r.id : `${r.id} (seed ${r.seed})`)).join(', ');
  return errorLines([['run', runs]], e, { title: 'EXAMPLE', rows: e.confident_wrong });
}
