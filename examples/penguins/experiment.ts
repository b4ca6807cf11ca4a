import type { Ratchet, Trial, TrialDetail, TrialHandle } from '../../src/sdk/index.js';
import { loadPenguins, MEASUREMENTS, type Measurement, type Penguin, split } from './data.js';
import { accuracy, type Classifier, ruleOfThumb, trainSoftmax } from './models.js';

/**
 * The experiment the demo runs, written the way a user's training code would be: through the SDK only.
 * Every trial runs the same five seeds, so its verdict is paired by seed with the baseline's.
 */
const SEEDS = [1, 2, 3, 4, 5];

interface Recipe {
  hypothesis: string;
  params: Record<string, string | number>;
  features: readonly Measurement[];
  /** Trains on one seed's split, logging its curve through `log`. */
  train(train: Penguin[], seed: number, log: (values: Record<string, number>) => void): Classifier;
}

const softmax = (features: readonly Measurement[], learningRate: number): Recipe['train'] => {
  return (train, seed, log) =>
    trainSoftmax(train, {
      features,
      learningRate,
      epochs: 30,
      seed,
      onEpoch: (_epoch, loss, acc) => log({ train_loss: loss, train_acc: acc }),
    });
};

const allFour = { model: 'softmax', learning_rate: 0.05, epochs: 30 };
const withoutMass = MEASUREMENTS.filter((m) => m !== 'body_mass_g');

const RULE: Recipe = {
  hypothesis: 'A rule of thumb: flippers ≥ 207 mm make a Gentoo; otherwise a bill ≥ 44 mm makes a Chinstrap',
  params: { model: 'rule_of_thumb' },
  features: ['flipper_length_mm', 'bill_length_mm'],
  train: () => ruleOfThumb,
};

const CANDIDATES: (Recipe & { acceptChanges?: string })[] = [
  {
    hypothesis: 'Softmax regression on all four measurements beats the rule of thumb',
    params: allFour,
    features: MEASUREMENTS,
    train: softmax(MEASUREMENTS, 0.05),
    acceptChanges:
      'Replacing a hand-written rule by a model brings its features and hyper-parameters with it',
  },
  {
    hypothesis: 'Body mass adds nothing once bill and flipper are known',
    params: allFour,
    features: withoutMass,
    train: softmax(withoutMass, 0.05),
  },
  {
    hypothesis: 'A 100× smaller learning rate is enough in 30 epochs',
    params: { ...allFour, learning_rate: 0.0005 },
    features: MEASUREMENTS,
    train: softmax(MEASUREMENTS, 0.0005),
  },
];

export async function runExperiment(
  ratchet: Ratchet,
  project: string,
  say: (line: string) => void,
): Promise<Trial[]> {
  const penguins = loadPenguins();
  await ratchet.projects.create({
    name: project,
    primaryMetric: 'test_acc',
    direction: 'maximize',
    minEffect: 0.01,
    evalSetSizeMetric: 'test_n',
    // Every seed holds out its own 30% of the birds: the runs' spread already holds the test set's noise.
    evalSetShared: false,
  });

  const baseline = await runTrial(ratchet, project, RULE, penguins, null);
  await baseline.promote();
  say(`baseline  #${baseline.info.number} ${RULE.hypothesis}`);
  say(`          ${meanAccuracy(await baseline.get())}`);

  const trials: Trial[] = [baseline.info];
  for (const recipe of CANDIDATES) {
    const trial = await runTrial(ratchet, project, recipe, penguins, undefined);
    const result = await trial.get();
    const verdict = result.evaluation?.outcome ?? 'pending';
    say(`trial     #${result.number} ${recipe.hypothesis}`);
    say(`          ${meanAccuracy(result)} → ${verdict}`);
    if (verdict === 'improved') {
      await trial.promote();
      say(`          promoted #${result.number} to baseline`);
    }
    trials.push(await trial.get());
  }
  return trials;
}

async function runTrial(
  ratchet: Ratchet,
  project: string,
  recipe: Recipe & { acceptChanges?: string },
  penguins: Penguin[],
  parent: null | undefined,
): Promise<TrialHandle> {
  const trial = await ratchet.startTrial({
    project,
    hypothesis: recipe.hypothesis,
    ...(parent === null ? { parent: null } : {}),
    params: recipe.params,
    features: [...recipe.features],
  });
  if (recipe.acceptChanges && trial.info.flags.includes('multiple_changes')) {
    await trial.acceptChanges(recipe.acceptChanges);
  }
  for (const seed of SEEDS) {
    const run = await trial.startRun({ seed });
    const { train, test } = split(penguins, seed);
    const classify = recipe.train(train, seed, (values) => run.log(values));
    run.log({ test_acc: accuracy(classify, test), test_n: test.length });
    await run.logExamples(new Map(test.map((p) => [`bird-${p.id}`, classify(p) === p.species])));
    await run.finish();
  }
  return trial;
}

function meanAccuracy(trial: TrialDetail): string {
  const summary = trial.metrics.test_acc;
  if (summary === undefined) return 'no finished runs';
  const [low, high] = summary.ci.map((x) => x.toFixed(3));
  return `test accuracy ${summary.mean.toFixed(3)} (95% CI ${low}–${high}, ${summary.n} seeds)`;
}
