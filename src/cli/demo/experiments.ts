import { formatDelta } from '../../core/format.js';
import { promotionRefusal } from '../../core/trial-rules.js';
import type { TrialDetail } from '../../sdk/index.js';
import type { Progress } from './progress.js';
import { type CliTarget, ratchet, ratchetJson } from './ratchet-cli.js';

/** One trial of the demo as the summary shows it. */
export interface DemoTrial {
  label: string;
  change: string;
  trial: TrialDetail;
  promoted: boolean;
  /** Why an `improved` trial still did not become the baseline (the project's minimum effect), if it did not. */
  refused?: string;
}

/** The first model, then single small changes of the kinds the practice names, each judged on its own. */
const CHANGES = [
  {
    change: 'model=mlp',
    hypothesis:
      'A small neural network on the day’s measurements beats always answering the commonest weather',
  },
  {
    change: 'features=+month',
    hypothesis: 'The month tells the season, which the measurements alone blur',
  },
  {
    change: 'dropout=0.5',
    hypothesis: 'Dropping half the first hidden layer keeps the network from memorising two years of days',
  },
  {
    change: 'log_precip=true',
    hypothesis:
      'Precipitation is skewed (most days dry, a few very wet): its log spreads what the network sees',
  },
  { change: 'lr=0.001', hypothesis: 'A 10× smaller learning rate settles into a better minimum' },
] as const;

interface TrialJson {
  trial: TrialDetail;
}

/**
 * The experiment as a user types it: the project with its judging rules, the non-ML baseline, then each
 * change as `ratchet try`, `trial more` while inconclusive (once), and `baseline set` when it improved.
 */
export async function runExperiments(
  target: CliTarget,
  project: string,
  progress: Progress,
  /** `trial more` asks for what its verdict needs; the demo spends at most this many more seeds per arm. */
  moreSeedsCap: number,
): Promise<DemoTrial[]> {
  await progress.step(
    'project',
    `ratchet project create ${project}  (acc, maximize, min effect 0.03, n_eval as the evaluation-set size)`,
    () =>
      ratchet(target, [
        'project',
        'create',
        project,
        '--description',
        'Which weather a Seattle day had, from its measurements (NOAA, 2012–2015)',
        '--metric',
        'acc',
        '--direction',
        'maximize',
        '--min-effect',
        '0.03',
        '--eval-set-size-metric',
        'n_eval',
        '--eval-set',
        'shared',
        '--no-auto-promote',
      ]),
    () => 'created',
  );
  const baseline = await progress.step(
    'baseline',
    'ratchet baseline run  (the majority class: no ML at all)',
    async () => {
      const done = await ratchetJson<{ label: string }>(target, ['baseline', 'run', '--quiet']);
      return { label: done.label, trial: await detail(target, done.label) };
    },
    ({ label, trial }) => `${label} is the baseline: acc ${meanText(trial)}`,
  );
  const trials: DemoTrial[] = [{ ...baseline, change: 'model=majority (baseline)', promoted: true }];
  for (const { change, hypothesis } of CHANGES) {
    const phase = change === 'model=mlp' ? 'first model' : 'single changes';
    const tried = await progress.step(
      phase,
      `ratchet try ${change}`,
      () => ratchetJson<TrialJson>(target, ['try', change, '--hypothesis', hypothesis, '--quiet']),
      ({ trial }) => verdictText(trial),
    );
    let trial = tried.trial;
    const label = `${project}#${trial.number}`;
    const more = trial.evaluation?.comparison?.additional_runs_per_arm;
    if (trial.outcome === 'inconclusive' && more !== undefined && Number.isFinite(more) && more > 0) {
      const seeds = Math.min(more, moreSeedsCap);
      trial = (
        await progress.step(
          'trial more',
          `ratchet trial more ${label} --seeds ${seeds}  (it asked for ${more} more per arm)`,
          () => ratchetJson<TrialJson>(target, ['trial', 'more', label, '--seeds', String(seeds), '--quiet']),
          (done) => verdictText(done.trial),
        )
      ).trial;
    }
    if (trial.outcome !== 'improved') {
      trials.push({ label, change, trial, promoted: false });
      continue;
    }
    const refused = await progress.step(
      'promotions',
      `ratchet baseline set ${label}`,
      () => promote(target, label),
      (why) => why ?? `${label} is the baseline now`,
    );
    trials.push({ label, change, trial, promoted: refused === undefined, ...(refused ? { refused } : {}) });
  }
  return trials;
}

/**
 * `ratchet baseline set`: answers undefined when the trial is the baseline now, or the refusal when the
 * project's promotion rules still object to an improved trial (an improvement below the minimum effect).
 */
async function promote(target: CliTarget, label: string): Promise<string | undefined> {
  try {
    await ratchet(target, ['baseline', 'set', label]);
    return undefined;
  } catch (error) {
    const refusal = promotionRefusal(String((error as Error).message));
    if (refusal === null) throw error;
    return `${label} is not promoted: ${refusal}`;
  }
}

/** A trial as the API shows it now (with its runs), by label. */
export function detail(target: CliTarget, label: string): Promise<TrialDetail> {
  return ratchetJson<TrialDetail>(target, ['trial', 'show', label]);
}

/** "0.862 ± 0.011": the primary metric's mean over seeds with its 95% CI half-width. */
export function meanText(trial: TrialDetail, metric = 'acc'): string {
  const summary = trial.metrics[metric];
  if (summary === undefined) return 'n/a';
  const [lo, hi] = summary.ci;
  const half = lo === undefined || hi === undefined ? Number.NaN : (hi - lo) / 2;
  return `${summary.mean.toFixed(3)} ± ${Number.isFinite(half) ? half.toFixed(3) : '?'}`;
}

/** "improved  Δ +0.031 [0.02, 0.04] vs the baseline". */
export function verdictText(trial: TrialDetail): string {
  const comparison = trial.evaluation?.comparison;
  return comparison == null
    ? trial.outcome
    : `${trial.outcome}  Δ ${formatDelta(comparison)} vs the baseline`;
}
