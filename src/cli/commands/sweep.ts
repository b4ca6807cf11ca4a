import { randomInt } from 'node:crypto';
import type { Command } from 'commander';
import { formatDelta, formatNumber } from '../../core/format.js';
import { checkAxesAreParams, parseSearchSpace } from '../../runner/sweep/parse-search-space.js';
import { describePoint } from '../../runner/sweep/point-changes.js';
import { createSweepTrials, prepareSweep } from '../../runner/sweep/prepare-sweep.js';
import { type RankedTrial, rankTrials } from '../../runner/sweep/rank-trials.js';
import { sweepPoints } from '../../runner/sweep/sweep-points.js';
import { sweptTrial } from '../../runner/sweep/swept-trial.js';
import { clientOptions } from '../client-options.js';
import { type ConfigRunOptions, configRunOptions, judgedTrial, withConfigRunner } from '../config-runner.js';
import { exitCodeOf } from '../execute-plans.js';
import { collect, integerOption, positiveNumber } from '../option-parsers.js';
import { show, table } from '../output.js';
import { runsJson } from '../trial-run-lines.js';

interface SweepOptions extends ConfigRunOptions {
  grid?: string[];
  random?: string[];
  trials?: number;
  sweepSeed?: number;
  alpha: number;
}

const DEFAULT_ALPHA = 0.05;

export function registerSweep(program: Command): void {
  clientOptions(
    configRunOptions(
      program
        .command('sweep')
        .description(
          'try many points of a search space, each as a trial of the baseline with its seeds, then rank them ' +
            'with Holm-adjusted p-values: the best of many is credible only if its adjusted p < alpha',
        )
        .option('--grid <param=a,b,…>', 'every listed value of a param (repeatable)', collect)
        .option(
          '--random <param=dist(…)>',
          'a param drawn from uniform(a,b), loguniform(a,b), int(a,b) or choice(a,b,…) (repeatable)',
          collect,
        )
        .option('--trials <n>', 'points to try (needed with --random)', integerOption('--trials', 1, 10_000))
        .option(
          '--sweep-seed <s>',
          'seeds the random draws: the same seed draws the same points (default: a fresh one, printed)',
          integerOption('--sweep-seed', 0, 2 ** 31 - 1),
        )
        .option('--alpha <a>', 'the family-wise error rate of the ranking', positiveNumber, DEFAULT_ALPHA),
      'seeds per point (default: the config’s)',
    ),
  ).action(async (o: SweepOptions) => {
    const space = parseSearchSpace(o);
    const sweepSeed = o.sweepSeed ?? randomInt(2 ** 31);
    const { points, duplicates } = sweepPoints(space, {
      ...(o.trials === undefined ? {} : { trials: o.trials }),
      seed: sweepSeed,
    });
    const result = await withConfigRunner(o, async ({ client, config, capture, run }) => {
      checkAxesAreParams(space, Object.keys(config.params));
      const label = `sweep ${sweepSeed}`;
      const prepared = await prepareSweep(
        client,
        config,
        points,
        { label, ...(o.seeds === undefined ? {} : { seeds: o.seeds }) },
        capture,
      );
      const created = await createSweepTrials(client, prepared);
      const outcomes = await run(created.map(({ arm }) => arm));
      const project = await client.projects.get(config.project);
      const judged = [];
      for (const { point, arm } of created) {
        judged.push(sweptTrial(arm.trial.label, point, await judgedTrial(client, arm.trial.id)));
      }
      const ranking = rankTrials(judged, { direction: project.direction ?? 'maximize', alpha: o.alpha });
      return {
        label,
        points: points.length,
        duplicates,
        baselinePoints: prepared.baselinePoints,
        ranking,
        outcomes,
      };
    });
    show(
      {
        json: {
          sweep_seed: sweepSeed,
          points: result.points,
          duplicate_draws: result.duplicates,
          baseline_points: result.baselinePoints,
          alpha: o.alpha,
          ranking: result.ranking,
          runs: runsJson(result.outcomes),
        },
        text: () => [
          `${result.label}: ${result.ranking.length} trials` +
            (result.duplicates > 0 ? ` (${result.duplicates} repeated draws dropped)` : '') +
            (result.baselinePoints > 0 ? " (the baseline's own point skipped)" : '') +
            `; --sweep-seed ${sweepSeed} draws the same points`,
          '',
          rankingTable(result.ranking, o.alpha),
          '',
          bestLine(result.ranking, o.alpha),
        ],
      },
      o,
    );
    process.exitCode = exitCodeOf(result.outcomes);
  });
}

function rankingTable(ranking: readonly RankedTrial[], alpha: number): string {
  return table(
    ['TRIAL', 'CHANGES', 'MEAN ± CI', 'Δ VS BASELINE', 'P', 'HOLM P', 'VERDICT'],
    ranking.map((t) => [
      t.label,
      describePoint(t.point),
      t.mean === null
        ? ''
        : `${formatNumber(t.mean)}${t.ci ? ` ± ${formatNumber((t.ci[1] - t.ci[0]) / 2, 2)}` : ''}`,
      formatDelta(t.comparison),
      t.comparison ? formatNumber(t.comparison.p_value) : '',
      formatNumber(t.adjustedP),
      verdictAfterCorrection(t, alpha),
    ]),
  );
}

/** The trial's own verdict, with a word when the correction for trying many points takes it back. */
function verdictAfterCorrection(t: RankedTrial, alpha: number): string {
  const verdict = t.comparison?.verdict ?? 'not compared';
  const significant = verdict === 'improved' || verdict === 'worse';
  return significant && t.adjustedP >= alpha ? `${verdict}, not after Holm` : verdict;
}

function bestLine(ranking: readonly RankedTrial[], alpha: number): string {
  const best = ranking[0];
  if (best === undefined) return 'nothing to rank: every point was the baseline.';
  if (!best.better) {
    return `no point beat the baseline: the best, ${best.label} (${describePoint(best.point)}), is not above it.`;
  }
  const head = `best: ${best.label} (${describePoint(best.point)}), Holm-adjusted p ${formatNumber(best.adjustedP)}`;
  return best.credible
    ? `${head} < ${alpha}: better than the baseline even after trying ${ranking.length}.`
    : `${head} ≥ ${alpha}: not credible — with ${ranking.length} tries, a best this good is what luck alone can give; ` +
        'run more seeds of it (`ratchet trial more`) before believing it.';
}
