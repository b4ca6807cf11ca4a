// What a trained weather model computes, with no imports: train.mjs uses it to evaluate, and the served
// model.mjs is this file plus the trained numbers, so what was measured is exactly what serves.

/** The model's inputs as numbers: the day's measurements, scaled as in training, and optionally its month. */
export function featuresOf(day, spec) {
  const precipitation = spec.logPrecip ? Math.log1p(day.precipitation) : day.precipitation;
  const raw = [precipitation, day.temp_max, day.temp_min, day.wind];
  const scaled = raw.map((x, i) => (x - spec.mean[i]) / spec.std[i]);
  if (!spec.month) return scaled;
  const angle = (2 * Math.PI * (Number(day.date.slice(5, 7)) - 1)) / 12;
  return [...scaled, Math.sin(angle), Math.cos(angle)];
}

/** Class probabilities of one day: a majority model's fixed frequencies, or a one-hidden-layer ReLU network. */
export function probabilities(model, x) {
  if (model.kind === 'majority') return model.frequencies;
  return outputOf(
    model,
    model.w1.map((row, j) => Math.max(0, model.b1[j] + dot(row, x))),
  );
}

/** The network's class probabilities from its hidden layer's activations. */
export function outputOf(model, hidden) {
  return softmax(model.w2.map((row, k) => model.b2[k] + dot(row, hidden)));
}

function softmax(logits) {
  const top = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** The most probable class of each day, with its probability. */
export function predictWith(model, days) {
  return days.map((day) => {
    const p = probabilities(model, featuresOf(day, model.features));
    const best = p.indexOf(Math.max(...p));
    return { output: model.classes[best], score: p[best] };
  });
}

export function dot(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
