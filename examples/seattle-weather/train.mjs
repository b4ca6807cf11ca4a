// Trains one weather model and reports it to whatever tracks the run, with no dependencies: the runner
// hands the data paths (RATCHET_DATA_<NAME>), the params (argv) and a channel (fd 3); the served model goes
// up through the tracking server's MLflow artifact proxy. Runs alone too: `node train.mjs --model mlp`.
import { readFileSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dot, featuresOf, outputOf, predictWith } from './weather-model.mjs';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'mlp' },
    features: { type: 'string', default: 'base' },
    dropout: { type: 'string', default: '0' },
    'log-precip': { type: 'string', default: 'false' },
    lr: { type: 'string', default: '0.01' },
    epochs: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
  },
});
const HIDDEN = 16;
const BATCH = 32;
const dataDir = new URL('./data/', import.meta.url);
const train = readCsv(process.env.RATCHET_DATA_TRAIN ?? new URL('train.csv', dataDir));
const validation = readCsv(process.env.RATCHET_DATA_VALIDATION ?? new URL('validation.csv', dataDir));
const feedback = process.env.RATCHET_DATA_FEEDBACK ? readFeedback(process.env.RATCHET_DATA_FEEDBACK) : [];
const days = [...train, ...feedback];
const random = mulberry32(Number(args.seed));

const model = args.model === 'majority' ? majority(days) : mlp(days);
const answers = predictWith(model, validation);
const correct = validation.map((day, i) => answers[i].output === day.weather);
const acc = correct.filter(Boolean).length / validation.length;
report({ metrics: { acc, n_eval: validation.length, n_train: days.length } });
report({ examples: Object.fromEntries(validation.map((day, i) => [day.date, correct[i]])) });
console.log(`${args.model}: validation accuracy ${acc.toFixed(3)} on ${validation.length} days`);
await upload(model, answers);

function majority(rows) {
  const classes = [...new Set(rows.map((r) => r.weather))].sort();
  const frequencies = classes.map((c) => rows.filter((r) => r.weather === c).length / rows.length);
  return { kind: 'majority', classes, frequencies, features: scaling(rows) };
}

/** A 1-hidden-layer network trained with Adam on shuffled minibatches; dropout on the hidden layer. */
function mlp(rows) {
  const classes = [...new Set(rows.map((r) => r.weather))].sort();
  const features = scaling(rows);
  const xs = rows.map((r) => featuresOf(r, features));
  const ys = rows.map((r) => classes.indexOf(r.weather));
  const inputs = xs[0].length;
  const he = (fanIn) => () => gaussian() * Math.sqrt(2 / fanIn);
  const net = {
    kind: 'mlp',
    classes,
    features,
    w1: matrix(HIDDEN, inputs, he(inputs)),
    b1: new Array(HIDDEN).fill(0),
    w2: matrix(classes.length, HIDDEN, he(HIDDEN)),
    b2: new Array(classes.length).fill(0),
  };
  const adam = adamFor(net, Number(args.lr));
  const dropout = Number(args.dropout);
  const order = xs.map((_, i) => i);
  for (let epoch = 1; epoch <= Number(args.epochs); epoch++) {
    shuffle(order);
    let loss = 0;
    for (let start = 0; start < order.length; start += BATCH) {
      const batch = order.slice(start, start + BATCH);
      const grad = zerosLike(net);
      for (const i of batch) loss += backprop(net, xs[i], ys[i], dropout, grad);
      adam.step(grad, batch.length);
    }
    report({ metric: 'train_loss', value: loss / order.length, step: epoch });
  }
  return net;
}

/** Adds one example's gradient of the cross-entropy to `grad`; returns its loss. */
function backprop(net, x, y, dropout, grad) {
  const keep = 1 - dropout;
  const mask = net.b1.map(() => (random() < keep ? 1 / keep : 0));
  const pre = net.w1.map((row, j) => net.b1[j] + dot(row, x));
  const hidden = pre.map((z, j) => Math.max(0, z) * mask[j]);
  const out = outputOf(net, hidden);
  for (let k = 0; k < out.length; k++) {
    const d = out[k] - (k === y ? 1 : 0);
    grad.b2[k] += d;
    for (let j = 0; j < hidden.length; j++) grad.w2[k][j] += d * hidden[j];
  }
  for (let j = 0; j < hidden.length; j++) {
    if (pre[j] <= 0 || mask[j] === 0) continue;
    let d = 0;
    for (let k = 0; k < out.length; k++) d += (out[k] - (k === y ? 1 : 0)) * net.w2[k][j];
    d *= mask[j];
    grad.b1[j] += d;
    for (let i = 0; i < x.length; i++) grad.w1[j][i] += d * x[i];
  }
  return -Math.log(Math.max(out[y], 1e-12));
}

/** Adam over every weight array of the network, in place. */
function adamFor(net, lr) {
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const m = zerosLike(net);
  const v = zerosLike(net);
  let t = 0;
  return {
    step(grad, n) {
      t++;
      for (const key of ['w1', 'b1', 'w2', 'b2']) {
        eachCell(net[key], (get, set, path) => {
          const g = cell(grad[key], path) / n;
          const mi = b1 * cell(m[key], path) + (1 - b1) * g;
          const vi = b2 * cell(v[key], path) + (1 - b2) * g * g;
          setCell(m[key], path, mi);
          setCell(v[key], path, vi);
          set(get() - (lr * (mi / (1 - b1 ** t))) / (Math.sqrt(vi / (1 - b2 ** t)) + eps));
        });
      }
    },
  };
}

function eachCell(array, visit) {
  array.forEach((item, i) => {
    if (Array.isArray(item)) {
      item.forEach((_, j) => {
        visit(
          () => item[j],
          (x) => {
            item[j] = x;
          },
          [i, j],
        );
      });
    } else {
      visit(
        () => array[i],
        (x) => {
          array[i] = x;
        },
        [i],
      );
    }
  });
}
function cell(array, [i, j]) {
  return j === undefined ? array[i] : array[i][j];
}
function setCell(array, [i, j], x) {
  if (j === undefined) array[i] = x;
  else array[i][j] = x;
}

function zerosLike(net) {
  return {
    w1: net.w1.map((row) => row.map(() => 0)),
    b1: net.b1.map(() => 0),
    w2: net.w2.map((row) => row.map(() => 0)),
    b2: net.b2.map(() => 0),
  };
}

function matrix(rows, cols, draw) {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, draw));
}

/** Standardisation of the four measurements, fitted on the training days (with log1p of rain when asked). */
function scaling(rows) {
  const logPrecip = args['log-precip'] === 'true';
  const spec = { logPrecip, month: args.features === '+month', mean: [0, 0, 0, 0], std: [1, 1, 1, 1] };
  const columns = rows.map((r) => featuresOf(r, spec).slice(0, 4));
  spec.mean = spec.mean.map((_, i) => columns.reduce((s, c) => s + c[i], 0) / columns.length);
  spec.std = spec.std.map((_, i) => {
    const variance = columns.reduce((s, c) => s + (c[i] - spec.mean[i]) ** 2, 0) / columns.length;
    return Math.sqrt(variance) || 1;
  });
  return spec;
}

function shuffle(items) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

function gaussian() {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readCsv(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const row = Object.fromEntries(names.map((name, i) => [name, cells[i]]));
    return dayOf(row, row.weather);
  });
}

/** Labelled predictions as `ratchet feedback export` writes them: {input, label} per line. */
function readFeedback(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line))
    .map(({ input, label }) => dayOf(input, label));
}

function dayOf(input, weather) {
  const number = (key) => Number(input[key]);
  return {
    date: String(input.date),
    precipitation: number('precipitation'),
    temp_max: number('temp_max'),
    temp_min: number('temp_min'),
    wind: number('wind'),
    weather,
  };
}

/** One line of the runner's channel (fd 3), or of stdout with its prefix when run by hand. */
function report(message) {
  const fd = Number(process.env.RATCHET_CHANNEL_FD);
  const line = `${JSON.stringify(message)}\n`;
  if (Number.isInteger(fd) && fd > 2) writeSync(fd, line);
  else if (process.env.RATCHET_VERBOSE) process.stdout.write(`@ratchet ${line}`);
}

/**
 * The served model (ratchet-model.json + model.mjs: weather-model.mjs with the trained numbers inlined) and
 * the validation predictions, as the run's artifacts. Nothing to do outside a tracked run.
 */
async function upload(trained, answers) {
  const uri = process.env.RATCHET_TRACKING_URI;
  const run = process.env.RATCHET_RUN_ID;
  if (!uri || !run) return;
  const got = await fetch(`${uri}/api/2.0/mlflow/runs/get?run_id=${run}`).then(ok);
  const root = (await got.json()).run.info.artifact_uri.replace(/^mlflow-artifacts:\/*/, '');
  const manifest = {
    flavor: 'js',
    entry: 'model.mjs',
    signature: {
      inputs: {
        date: 'string',
        precipitation: 'number',
        temp_max: 'number',
        temp_min: 'number',
        wind: 'number',
      },
    },
  };
  const code = readFileSync(new URL('./weather-model.mjs', import.meta.url), 'utf8');
  const served = `${code}\nconst MODEL = ${JSON.stringify(trained)};\n\nexport function predict(inputs) {\n  return predictWith(MODEL, inputs);\n}\n`;
  const evaluation = validation
    .map((day, i) => ({ id: day.date, input: inputOf(day), label: day.weather, ...answers[i] }))
    .map((row) => JSON.stringify(row))
    .join('\n');
  const files = {
    'model/ratchet-model.json': JSON.stringify(manifest, null, 2),
    'model/model.mjs': served,
    'ratchet/evaluation/predictions.jsonl': `${evaluation}\n`,
  };
  for (const [path, body] of Object.entries(files)) {
    const url = `${uri}/api/2.0/mlflow-artifacts/artifacts/${`${root}/${path}`.split('/').map(encodeURIComponent).join('/')}`;
    await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body }).then(
      ok,
    );
  }
}

function inputOf({ weather, ...input }) {
  void weather;
  return input;
}

async function ok(response) {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response;
}
