import type { Command } from 'commander';
import { invalidParameter } from '../../core/errors.js';
import type { PendingCounts } from '../../sdk/index.js';
import { diskSpool } from '../../spool/disk-spool.js';
import { type SpoolStatus, spoolStatus } from '../../spool/spool-status.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { show, table } from '../output.js';
import { withClient } from '../target.js';

interface SpoolOptions extends ClientOptions {
  dir?: string;
}

/** `ratchet spool status | flush`: batches the SDK kept on disk while the server was unreachable. */
export function registerSpool(program: Command): void {
  const spool = program
    .command('spool')
    .description('batches the SDK kept on disk (RATCHET_SPOOL_DIR) while the server was unreachable');

  dirOption(spool.command('status').description('pending batches per run, and unreadable files'))
    .option('--json', 'machine-readable output')
    .action(async (o: SpoolOptions) => {
      const status = await spoolStatus(spoolDir(o));
      show({ json: status, text: () => statusLines(status) }, o);
    });

  clientOptions(
    dirOption(
      spool
        .command('flush')
        .description(
          'deliver what processes that ended left in the spool, and wait for the server to take it',
        ),
    ),
  ).action(async (o: SpoolOptions) => {
    const dir = spoolDir(o);
    const delivery = await withClient(o, (client) => client.flushSpool(diskSpool(dir)));
    show(
      {
        json: delivery,
        text: () => [
          `Delivered ${counted(delivery.delivered)} of ${delivery.runs} runs from ${dir}` +
            (delivery.ended > 0 ? `; set the final status of ${delivery.ended}.` : '.'),
          ...delivery.refused.map((message) => `refused (removed from the spool): ${message}`),
          ...delivery.bad.map((path) => `unreadable, set aside: ${path}`),
        ],
      },
      o,
    );
  });
}

function dirOption(command: Command): Command {
  return command.option('--dir <dir>', 'the spool directory (default: $RATCHET_SPOOL_DIR)');
}

function spoolDir(o: SpoolOptions): string {
  const dir = o.dir ?? process.env.RATCHET_SPOOL_DIR;
  if (dir === undefined || dir === '')
    throw invalidParameter('No spool directory: pass --dir or set RATCHET_SPOOL_DIR.');
  return dir;
}

function statusLines(status: SpoolStatus): string[] {
  const lines =
    status.runs.length === 0
      ? [`Nothing pending in ${status.dir}.`]
      : [
          table(
            ['run', 'writer', 'batches', 'points', 'params', 'tags', 'then'],
            status.runs.map((run) => [
              run.run_id,
              run.owner === 'running' ? 'running' : 'ended (flush)',
              run.batches,
              run.points,
              run.params,
              run.tags,
              run.status ?? '',
            ]),
          ),
        ];
  return [...lines, ...status.bad.map((path) => `unreadable: ${path}`)];
}

function counted(counts: PendingCounts): string {
  return `${counts.batches} batches (${counts.points} points, ${counts.params} params, ${counts.tags} tags)`;
}
