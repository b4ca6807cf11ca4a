import { type Command, Option } from 'commander';
import { schemas } from '../../contract/index.js';
import { verdictWire } from '../../contract/verdict.js';
import { invalidParameter } from '../../core/errors.js';
import type { Direction } from '../../core/project.js';
import { type CompareArm, isHTTPError, type Ratchet } from '../../sdk/index.js';
import { compare, type Verdict as StatsVerdict } from '../../stats/index.js';
import { type ClientOptions, clientOptions } from '../client-options.js';
import { numberList, positiveNumber } from '../option-parsers.js';
import { show } from '../output.js';
import { trialRef } from '../refs.js';
import { withClient } from '../target.js';
import { verdictLines } from '../verdict-lines.js';

interface CompareOptions extends ClientOptions {
  baseline?: number[];
  candidate?: number[];
  direction?: Direction;
  minEffect?: number;
  alpha?: number;
  paired?: boolean;
  evalSetSize?: number;
  metric?: string;
}

export function registerCompare(program: Command): void {
  clientOptions(
    program
      .command('compare [baseline] [candidate]')
      .description(
        'is the candidate really better? Compares two trials (ids or project#N), two comma-separated lists of run ids, ' +
          'or raw per-seed values (--baseline/--candidate, computed here: no server or store needed). ' +
          'Exits 0 only when the verdict is "improved": a CI gate.',
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
      .option('--metric <key>', "metric to compare (default: the project's primary metric)"),
  ).action(async (baselineRef: string | undefined, candidateRef: string | undefined, o: CompareOptions) => {
    const raw = o.baseline !== undefined || o.candidate !== undefined;
    if (raw) {
      // The statistics library's Verdict, unchanged: what a CI pipeline without a server gets.
      const verdict = rawVerdict(baselineRef, candidateRef, o);
      show({ json: verdict, text: () => verdictLines(schemas.verdict.parse(verdictWire(verdict))) }, o);
      process.exitCode = verdict.verdict === 'improved' ? 0 : 1;
      return;
    }
    if (!baselineRef || !candidateRef) {
      throw invalidParameter(
        'Name a baseline and a candidate (trials or run ids), or give --baseline/--candidate values.',
      );
    }
    const comparison = await withClient(o, async (client) =>
      client.compare({
        baseline: await arm(client, baselineRef),
        candidate: await arm(client, candidateRef),
        ...(o.metric === undefined ? {} : { metric: o.metric }),
        ...(o.direction === undefined ? {} : { direction: o.direction }),
        ...(o.minEffect === undefined ? {} : { minEffect: o.minEffect }),
        ...(o.alpha === undefined ? {} : { alpha: o.alpha }),
        ...(o.paired === undefined ? {} : { paired: o.paired }),
        ...(o.evalSetSize === undefined ? {} : { evalSetSize: o.evalSetSize }),
      }),
    );
    show({ json: comparison.verdict, text: () => verdictLines(comparison.verdict) }, o);
    process.exitCode = comparison.verdict.verdict === 'improved' ? 0 : 1;
  });
}

function rawVerdict(
  baselineRef: string | undefined,
  candidateRef: string | undefined,
  o: CompareOptions,
): StatsVerdict {
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

/** A trial (id or project#N), or a comma-separated list of run ids. */
async function arm(client: Ratchet, ref: string): Promise<CompareArm> {
  if (ref.includes('#')) return { trial: await trialRef(client, ref) };
  if (!ref.includes(',')) {
    try {
      return { trial: (await client.trials.get(ref)).id };
    } catch (error) {
      if (!isHTTPError(error) || error.status !== 404) throw error;
    }
  }
  return { runs: ref.split(',').map((id) => id.trim()) };
}
