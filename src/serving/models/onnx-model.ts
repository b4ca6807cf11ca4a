import { join } from 'node:path';
import type { JsonValue } from '../../core/prediction.js';
import { messageOf } from './error-message.js';
import type { LoadedModel } from './loaded-model.js';
import type { OnnxLabel, OnnxModelManifest } from './model-manifest.js';

type OnnxRuntime = typeof import('onnxruntime-node');

/** An optional peer dependency (288 MB): most users never serve an onnx model, so it is loaded only for one. */
const ONNX_RUNTIME = 'onnxruntime-node';

/**
 * Loads an `onnx` model: one onnxruntime session over its entry file. Each input becomes a row of a float32
 * tensor [batch, fields] (fields in signature order), fed to the model's first input; its first output, one
 * row per input, is the answer: with labels, the best label and its score, otherwise the row's number (or
 * numbers). Throws an Error saying what is wrong.
 */
export async function loadOnnxModel(directory: string, manifest: OnnxModelManifest): Promise<LoadedModel> {
  const ort = await importOnnxRuntime();
  const session = await ort.InferenceSession.create(join(directory, manifest.entry)).catch((error) => {
    throw new Error(`${manifest.entry} cannot be loaded by onnxruntime: ${messageOf(error)}`);
  });
  const [inputName] = session.inputNames;
  const [outputName] = session.outputNames;
  if (inputName === undefined || outputName === undefined) {
    throw new Error(`${manifest.entry} has no input or no output.`);
  }
  const fields = Object.keys(manifest.signature.inputs);
  return {
    signature: manifest.signature,
    async predict(inputs) {
      const features = new Float32Array(inputs.length * fields.length);
      inputs.forEach((input, row) => {
        const values = input as Record<string, number>; // checked against the signature before predict
        fields.forEach((field, column) => {
          features[row * fields.length + column] = values[field]!;
        });
      });
      const feeds = { [inputName]: new ort.Tensor('float32', features, [inputs.length, fields.length]) };
      const output = (await session.run(feeds))[outputName]!;
      return answersOfRows(rowsOf(output.data, output.dims, inputs.length), manifest.labels);
    },
  };
}

/** onnxruntime-node's module, or an Error that says how to install it. */
export async function importOnnxRuntime(specifier = ONNX_RUNTIME): Promise<OnnxRuntime> {
  try {
    return (await import(specifier)) as OnnxRuntime;
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND';
    throw new Error(
      missing
        ? `onnx models need the optional package ${ONNX_RUNTIME}: \`npm install ${ONNX_RUNTIME}@~1.30\` ` +
            "with `onnxruntime-node-install=skip` in the project's .npmrc (its install script otherwise " +
            'fetches CUDA files and fails; the CPU runtime is bundled).'
        : `${ONNX_RUNTIME} cannot be loaded: ${messageOf(error)}`,
    );
  }
}

/** The output tensor's values cut into one row per input. */
function rowsOf(data: unknown, dims: readonly number[], batch: number): JsonValue[][] {
  if (dims[0] !== batch || !isArrayLike(data)) {
    throw new Error(`the model's output has shape [${dims.join(', ')}], not one row per input (${batch}).`);
  }
  const values = Array.from(data, (value) => (typeof value === 'bigint' ? Number(value) : value));
  const width = values.length / batch;
  return Array.from({ length: batch }, (_, row) => values.slice(row * width, (row + 1) * width));
}

function answersOfRows(rows: JsonValue[][], labels: readonly OnnxLabel[] | undefined): unknown[] {
  if (labels === undefined) return rows.map((row) => (row.length === 1 ? row[0] : row));
  return rows.map((scores) => {
    if (scores.length !== labels.length) {
      throw new Error(
        `the model gives ${scores.length} scores per input, but onnx.labels has ${labels.length}.`,
      );
    }
    const numbers = scores as number[];
    const best = numbers.indexOf(Math.max(...numbers));
    return { output: labels[best], score: numbers[best] };
  });
}

function isArrayLike(data: unknown): data is ArrayLike<JsonValue | bigint> {
  return ArrayBuffer.isView(data) || Array.isArray(data);
}
