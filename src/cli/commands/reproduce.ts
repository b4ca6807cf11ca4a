import type { Command } from 'commander';
import { invalidParameter } from '../../core/errors.js';
import { formatNumber, formatSigned } from '../../core/format.js';
import { parseDataInputs } from '../../runner/capture/index.js';
import { findConfigFile } from '../../runner/config/find-config.js';
import { loadConfig } from '../../runner/config/load-config.js';
import type { RunOutcome } from '../../runner/plan.js';
import { type MetricAgreement, metricAgreements, tolerances } from '../../runner/reproduce/agreement.js';
import { describeDrift } from '../../runner/reproduce/describe-drift.js';
import { blocksReproduction } from '../../runner/reproduce/drift.js';
import { baselineSummaries, prepareReproduction } from '../../runner/reproduce/prepare-reproduction.js';
import type { Run } from '../../sdk/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { executePlans, exitCodeOf } from '../execute-plans.js';
import { collect, positiveNumber } from '../option-parsers.js';
import { show, table } from '../output.js';
import { withRunnerTarget } from '../run-target.js';

interface ReproduceOptions extends ClientOptions {
  force?: boolean;
  data?: string[];
  tolerance: number;
  quiet?: boolean;
}

/** Where the project has no noise floor for a metric, a re-run must match it this closely. */
const DEFAULT_TOLERANCE = 1e-9;

export function registerReproduce(program: Command): void {
  clientOptions(
    program
      .command('reproduce <run>')
      .description(
        'run a run again from its captured command, params, seed and working directory; refused when the ' +
          'code or data differ from the original’s (--force runs anyway), and says whether each metric agrees ' +
          'within the project’s noise floor',
      )
      .option('--force', 'run even though the code or data differ (a new run, not a reproduction)')
      .option(
        '--data <name=path>',
        'where a data set of the original is now (default: the project config’s data) (repeatable)',
        collect,
      )
      .option(
        '--tolerance <x>',
        'how close a metric without a noise floor must come',
        positiveNumber,
        DEFAULT_TOLERANCE,
      )
      .option('--quiet', 'do not echo the child’s output (it is still stored with the run)'),
  ).action(async (runId: string, o: ReproduceOptions) => {
    const cwd = process.cwd();
    const data = dataPaths(o.data ?? [], cwd);
    const result = await withRunnerTarget(o, async (target) => {
      const prepared = await prepareReproduction(target.client, runId, { data, cwd });
      const { refusing, environment } = describeDrift(prepared.drift);
      if (blocksReproduction(prepared.drift) && !o.force) {
        throw invalidParameter(
          `Not as run ${runId} ran — ${refusing.join('; ')}: re-running would not reproduce it (--force runs anyway).`,
        );
      }
      for (const line of [...refusing, ...environment]) process.stderr.write(`differs: ${line}\n`);
      const [outcome] = await executePlans(target, [prepared.plan], {
        parallel: 1,
        capture: prepared.capture,
        quiet: o.quiet ?? false,
      });
      const rerun = outcome?.runId ? await target.client.runs.get(outcome.runId) : null;
      const noise = await baselineSummaries(target.client, prepared.original.project_id);
      const agreements = metricAgreements(
        latestValues(prepared.original),
        rerun === null ? {} : latestValues(rerun),
        tolerances(noise, o.tolerance),
      );
      return { outcome: outcome!, agreements, forced: refusing, environment };
    });
    show(
      {
        json: {
          original_run_id: runId,
          run_id: result.outcome.runId,
          status: result.outcome.status,
          forced_past: result.forced,
          environment_differs: result.environment,
          metrics: result.agreements,
          agrees: result.agreements.every((a) => a.agrees),
        },
        text: () => reproductionLines(runId, result.outcome, result.agreements),
      },
      o,
    );
    const agree = result.agreements.every((a) => a.agrees);
    process.exitCode = exitCodeOf([result.outcome]) || (agree ? 0 : 1);
  });
}

/** `--data` as given, else the project config's data sets (when there is a config here or upwards). */
function dataPaths(specs: readonly string[], cwd: string) {
  const given = parseDataInputs(specs, cwd);
  const configured = findConfigFile(cwd) === undefined ? [] : loadConfig(cwd).data;
  return [...given, ...configured.filter((c) => !given.some((g) => g.name === c.name))];
}

function latestValues(run: Run): Record<string, number> {
  return Object.fromEntries(Object.entries(run.metrics).map(([key, point]) => [key, point.value]));
}

function reproductionLines(runId: string, outcome: RunOutcome, agreements: MetricAgreement[]): string[] {
  const disagreeing = agreements.filter((a) => !a.agrees).map((a) => a.key);
  return [
    `re-ran ${runId}${outcome.plan.seed === undefined ? '' : ` (seed ${outcome.plan.seed})`} as ` +
      `${outcome.runId ?? '(no run)'}: ${outcome.status}${outcome.error ? ` — ${outcome.error}` : ''}`,
    '',
    table(
      ['METRIC', 'ORIGINAL', 'RE-RUN', 'Δ', 'TOLERANCE', 'AGREES'],
      agreements.map((a) => [
        a.key,
        formatNumber(a.original),
        a.reproduced === null ? '—' : formatNumber(a.reproduced),
        a.delta === null ? '' : formatSigned(a.delta),
        `±${formatNumber(a.tolerance.value, 2)} (${a.tolerance.basis === 'noise_floor' ? 'noise floor' : 'absolute'})`,
        a.agrees ? 'yes' : 'NO',
      ]),
    ),
    '',
    agreements.length === 0
      ? 'the original logged no metrics: nothing to compare'
      : disagreeing.length === 0
        ? `all ${agreements.length} metrics agree with the original`
        : `${disagreeing.length} of ${agreements.length} metrics disagree: ${disagreeing.join(', ')}`,
  ];
}
