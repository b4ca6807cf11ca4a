import { isAbsolute, normalize } from 'node:path';

/** The name of the file beside a served model's code that says how to load and call it. */
export const MODEL_MANIFEST_FILE = 'ratchet-model.json';

export type SignatureType = 'number' | 'string' | 'boolean';

/** Each input is an object with exactly these fields, of these types. */
export interface InputSignature {
  inputs: Record<string, SignatureType>;
}

/** `ratchet-model.json`: `{"flavor": "js", "entry": "model.mjs", "signature": {"inputs": {"x": "number"}}}`. */
export interface ModelManifest {
  flavor: 'js';
  /** The ES module, relative to the manifest's directory, that exports `predict(inputs)`. */
  entry: string;
  /** Absent: inputs are any JSON, passed to the model unchecked. */
  signature?: InputSignature;
}

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
  if (raw.flavor !== 'js') {
    throw new Error(
      `${MODEL_MANIFEST_FILE}: flavor ${JSON.stringify(raw.flavor)} is not served here (only "js").`,
    );
  }
  const { entry } = raw;
  if (typeof entry !== 'string' || entry === '' || isAbsolute(entry) || normalize(entry).startsWith('..')) {
    throw new Error(`${MODEL_MANIFEST_FILE}: "entry" must be a relative path inside the model's directory.`);
  }
  if (raw.signature === undefined) return { flavor: 'js', entry };
  return { flavor: 'js', entry, signature: parseSignature(raw.signature) };
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
