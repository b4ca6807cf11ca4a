import { type Command, Option } from 'commander';
import { invalidParameter, isRatchetError } from '../../core/errors.js';
import { nonFiniteName } from '../../core/non-finite.js';
import type { Direction } from '../../core/project.js';
import type { Services } from '../../http/services.js';
import { compare, type Verdict } from '../../stats/index.js';
import type { ArmRef, CompareRequest } from '../../tracking/trials/comparison-service.js';
import { type StoreOption, withServices } from '../context.js';
import { numberList, positiveNumber } from '../option-parsers.js';
import { resolveTrial } from '../project-ref.js';
import { verdictLines } from '../trial-output.js';

interface CompareOptions extends StoreOption {
  baseline?: number[];
  candidate?: number[];
  direction?: Direction;
  minEffect?: number;
  alpha?: number;
  paired?: boolean;
  evalSetSize?: number;
  metric?: string;
  json?: boolean;
}

export function registerCompare(program: Command): void {
  program
    .command('compare [baseline] [candidate]')
    .description(
      'is the candidate really better? Compares two trials (ids or project#N), two comma-separated lists of run ids, ' +
        'or raw per-seed values (--baseline/--candidate). Exits 0 only when the verdict is "improved": a CI gate.',
    )
    .option('--baseline <values>', 'per-seed values of the baseline, e.g. 0.80,0.81,0.79', numberList)
    .option('--candidate <values>', 'per-seed values of the candidate', numberList)
    .addOption(
      new Option(
        '--direction <direction>',
        "which way is better (raw values: maximize unless said; else the project's)",
      ).choices(['maximize', 'minimize']),
    )
    .option('--min-effect <x>', 'smallest difference worth having', positiveNumber)
    .option('--alpha <a>', 'significance level (default 0.05)', positiveNumber)
    .option('--paired', 'run i of both arms shares a seed or data split')
    .option('--eval-set-size <n>', 'evaluation-set size, for proportion metrics', positiveNumber)
    .option('--metric <key>', "metric to compare (default: the project's primary metric)")
    .option('--store <location>', 'SQLite file or postgres://… URL')
    .option('--json', "print the statistics library's Verdict object")
    .action(
      async (baselineRef: string | undefined, candidateRef: string | undefined, options: CompareOptions) => {
        const verdict = await verdictFor(baselineRef, candidateRef, options);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(verdict, nonFiniteAsName, 2)}\n`);
        } else {
          process.stdout.write(`${verdictLines(verdict).join('\n')}\n`);
        }
        process.exitCode = verdict.verdict === 'improved' ? 0 : 1;
      },
    );
}

async function verdictFor(
  baselineRef: string | undefined,
  candidateRef: string | undefined,
  o: CompareOptions,
): Promise<Verdict> {
  const raw = o.baseline !== undefined || o.candidate !== undefined;
  if (raw) {
    if (o.baseline === undefined || o.candidate === undefined || baselineRef || candidateRef) {
      throw invalidParameter('Give both --baseline and --candidate values (and no trial or run ids).');
    }
    try {
      return compare(o.baseline, o.candidate, {
        direction: o.direction ?? 'maximize',
        ...(o.alpha === undefined ? {} : { alpha: o.alpha }),
        ...(o.paired === undefined ? {} : { paired: o.paired }),
        ...(o.minEffect === undefined ? {} : { minEffect: o.minEffect }),
        ...(o.evalSetSize === undefined ? {} : { evalSetSize: o.evalSetSize }),
      });
    } catch (error) {
      throw error instanceof RangeError ? invalidParameter(error.message) : error;
    }
  }
  if (!baselineRef || !candidateRef) {
    throw invalidParameter(
      'Name a baseline and a candidate (trials or run ids), or give --baseline/--candidate values.',
    );
  }
  return withServices(o, async (services) => {
    const request: CompareRequest = {
      baseline: await armRef(services, baselineRef),
      candidate: await armRef(services, candidateRef),
      ...(o.metric === undefined ? {} : { metric: o.metric }),
      ...(o.direction === undefined ? {} : { direction: o.direction }),
      ...(o.minEffect === undefined ? {} : { minEffect: o.minEffect }),
      ...(o.alpha === undefined ? {} : { alpha: o.alpha }),
      ...(o.paired === undefined ? {} : { paired: o.paired }),
      ...(o.evalSetSize === undefined ? {} : { evalSetSize: o.evalSetSize }),
    };
    return (await services.comparisons.compare(request)).verdict;
  });
}

/** A trial (id or project#N), or a comma-separated list of run ids. */
async function armRef(services: Services, ref: string): Promise<ArmRef> {
  if (ref.includes('#')) return { trialId: (await resolveTrial(services, ref)).id };
  if (!ref.includes(',') && (await isTrial(services, ref))) return { trialId: ref };
  return { runIds: ref.split(',').map((id) => id.trim()) };
}

async function isTrial(services: Services, id: string): Promise<boolean> {
  try {
    await services.trials.get(id);
    return true;
  } catch (error) {
    if (isRatchetError(error) && error.code === 'RESOURCE_DOES_NOT_EXIST') return false;
    throw error;
  }
}

/** JSON has no NaN or Infinity: they print as the names the API uses. */
function nonFiniteAsName(_key: string, value: unknown): unknown {
  return typeof value === 'number' ? (nonFiniteName(value) ?? value) : value;
}
