import { type Measurement, type Penguin, random, SPECIES, shuffled } from './data.js';

export type Classifier = (penguin: Penguin) => number;

/** The non-ML baseline a biologist might write down: Gentoos have long flippers, Chinstraps long bills. */
export const ruleOfThumb: Classifier = ({ measurements: m }) => {
  if (m.flipper_length_mm >= 207) return 2;
  return m.bill_length_mm >= 44 ? 1 : 0;
};

export interface SoftmaxOptions {
  features: readonly Measurement[];
  learningRate: number;
  epochs: number;
  seed: number;
  /** Called after every epoch with the mean training loss and the training accuracy. */
  onEpoch?: (epoch: number, loss: number, accuracy: number) => void;
}

/** Multinomial logistic regression on standardised measurements, trained by per-example SGD. */
export function trainSoftmax(train: readonly Penguin[], options: SoftmaxOptions): Classifier {
  const { features, learningRate, epochs, seed } = options;
  const rand = random(seed);
  const means = features.map((f) => mean(train.map((p) => p.measurements[f])));
  const sds = features.map(
    (f, i) => Math.sqrt(mean(train.map((p) => (p.measurements[f] - means[i]!) ** 2))) || 1,
  );
  const x = (p: Penguin) => [1, ...features.map((f, i) => (p.measurements[f] - means[i]!) / sds[i]!)];
  const weights = SPECIES.map(() => x(train[0]!).map(() => (rand() - 0.5) * 0.1));
  const probabilities = (input: number[]) => softmax(weights.map((w) => dot(w, input)));

  for (let epoch = 0; epoch < epochs; epoch++) {
    let loss = 0;
    let correct = 0;
    for (const penguin of shuffled(train, rand)) {
      const input = x(penguin);
      const p = probabilities(input);
      loss -= Math.log(Math.max(p[penguin.species]!, 1e-12));
      if (argmax(p) === penguin.species) correct++;
      weights.forEach((w, k) => {
        const gradient = p[k]! - (k === penguin.species ? 1 : 0);
        for (let j = 0; j < w.length; j++) w[j]! -= learningRate * gradient * input[j]!;
      });
    }
    options.onEpoch?.(epoch, loss / train.length, correct / train.length);
  }
  return (penguin) => argmax(probabilities(x(penguin)));
}

export function accuracy(classify: Classifier, test: readonly Penguin[]): number {
  return test.filter((p) => classify(p) === p.species).length / test.length;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const dot = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);
const argmax = (values: number[]) => values.indexOf(Math.max(...values));

function softmax(logits: number[]): number[] {
  const top = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}
