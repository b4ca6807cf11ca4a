import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonValue } from '../../core/prediction.js';
import { type InputSignature, MODEL_MANIFEST_FILE, parseModelManifest } from './model-manifest.js';

/** A model version's code, loaded and ready to answer. */
export interface LoadedModel {
  signature: InputSignature | undefined;
  /** The module's `predict` as it is: its result is checked by answersOf. */
  predict(inputs: readonly JsonValue[]): unknown;
}

/**
 * Loads the `js` model in `directory`: its ratchet-model.json, then its entry module by dynamic import.
 * Throws an Error saying what is missing or wrong.
 */
export async function loadJsModel(directory: string): Promise<LoadedModel> {
  const manifestText = await readFile(join(directory, MODEL_MANIFEST_FILE), 'utf8').catch(() => {
    throw new Error(`its artifacts hold no ${MODEL_MANIFEST_FILE}.`);
  });
  const manifest = parseModelManifest(manifestText);
  const module: Record<string, unknown> = await import(pathToFileURL(join(directory, manifest.entry)).href);
  const { predict } = module;
  if (typeof predict !== 'function') {
    throw new Error(`${manifest.entry} does not export a predict(inputs) function.`);
  }
  return {
    signature: manifest.signature,
    predict: (inputs) => (predict as (inputs: readonly JsonValue[]) => unknown)(inputs),
  };
}
