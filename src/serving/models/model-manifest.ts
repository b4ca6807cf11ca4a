import { isAbsolute, normalize } from 'node:path';

/** The name of the file beside a served model's code that says how to load and call it. */
export const MODEL_MANIFEST_FILE = 'ratchet-model.json';

export type SignatureType = 'number' | 'string' | 'boolean';

/** Each input is an object with exactly these fields, of these types. */
export interface InputSignature {
  inputs: Record<string, SignatureType>;
}

/** `ratchet-model.json`: `{"flavor": "js", "entry": "model.mjs", "signature": {"inputs": {"x": "number"}}}`. */
export interface JsModelManifest {
  flavor: 'js';
  /** The ES module, relative to the manifest's directory, that exports `predict(inputs)`. */
  entry: string;
  /** Absent: inputs are any JSON, passed to the model unchecked. */
  signature?: InputSignature;
}

/**
 * `{"flavor": "onnx", "entry": "model.onnx", "signature": {"inputs": {"x1": "number", …}}, "onnx": {"labels": […]}}`.
 */
export interface OnnxModelManifest {
  flavor: 'onnx';
  /** The .onnx file, relative to the manifest's directory. */
  entry: string;
  /** Only numbers; the fields' order is the feature order of the model's input tensor [batch, features]. */
  signature: InputSignature;
  /** Given: the model's output is one score per label and row, answered as the best label and its score. */
  labels?: OnnxLabel[];
}

export type OnnxLabel = string | number;

export type ModelManifest = JsModelManifest | OnnxModelManifest;

const SIGNATURE_TYPES: readonly string[] = ['number', 'string', 'boolean'] satisfies SignatureType[];

/** The manifest in `text`, or why it is not one (thrown as an Error whose message says what is wrong). */
export function parseModelManifest(text: string): ModelManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${MODEL_MANIFEST_FILE} is not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(raw)) throw new Error(`${MODEL_MANIFEST_FILE} must be a JSON object.`);
  const { entry } = raw;
  if (raw.flavor !== 'js' && raw.flavor !== 'onnx') {
    throw new Error(
      `${MODEL_MANIFEST_FILE}: flavor ${JSON.stringify(raw.flavor)} is not served here (only "js" and "onnx").`,
    );
  }
  if (typeof entry !== 'string' || entry === '' || isAbsolute(entry) || normalize(entry).startsWith('..')) {
    throw new Error(`${MODEL_MANIFEST_FILE}: "entry" must be a relative path inside the model's directory.`);
  }
  if (raw.flavor === 'onnx') return parseOnnxManifest(raw, entry);
  if (raw.signature === undefined) return { flavor: 'js', entry };
  return { flavor: 'js', entry, signature: parseSignature(raw.signature) };
}

function parseOnnxManifest(raw: Record<string, unknown>, entry: string): OnnxModelManifest {
  if (raw.signature === undefined) {
    throw new Error(
      `${MODEL_MANIFEST_FILE}: an onnx model needs a "signature": its fields, in order, are the model's input features.`,
    );
  }
  const signature = parseSignature(raw.signature);
  const fields = Object.entries(signature.inputs);
  if (fields.length === 0)
    throw new Error(`${MODEL_MANIFEST_FILE}: an onnx signature needs at least one field.`);
  const notNumber = fields.find(([, type]) => type !== 'number');
  if (notNumber !== undefined) {
    throw new Error(
      `${MODEL_MANIFEST_FILE}: onnx signature field '${notNumber[0]}' has type "${notNumber[1]}"; an onnx model takes only "number" fields.`,
    );
  }
  if (raw.onnx === undefined) return { flavor: 'onnx', entry, signature };
  if (!isRecord(raw.onnx)) throw new Error(`${MODEL_MANIFEST_FILE}: "onnx" must be {"labels"?: […]}.`);
  const { labels } = raw.onnx;
  if (labels === undefined) return { flavor: 'onnx', entry, signature };
  if (
    !Array.isArray(labels) ||
    labels.length === 0 ||
    !labels.every((label) => typeof label === 'string' || Number.isFinite(label))
  ) {
    throw new Error(`${MODEL_MANIFEST_FILE}: "onnx.labels" must be a non-empty array of strings or numbers.`);
  }
  return { flavor: 'onnx', entry, signature, labels: labels as OnnxLabel[] };
}

function parseSignature(raw: unknown): InputSignature {
  if (!isRecord(raw) || !isRecord(raw.inputs)) {
    throw new Error(`${MODEL_MANIFEST_FILE}: "signature" must be {"inputs": {"field": "number", …}}.`);
  }
  for (const [field, type] of Object.entries(raw.inputs)) {
    if (typeof type !== 'string' || !SIGNATURE_TYPES.includes(type)) {
      throw new Error(
        `${MODEL_MANIFEST_FILE}: signature field '${field}' has type ${JSON.stringify(type)}; ` +
          `expected one of ${SIGNATURE_TYPES.join(', ')}.`,
      );
    }
  }
  return { inputs: raw.inputs as Record<string, SignatureType> };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
