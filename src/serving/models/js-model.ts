import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonValue } from '../../core/prediction.js';
import type { LoadedModel } from './loaded-model.js';
import type { JsModelManifest } from './model-manifest.js';

/** Loads a `js` model: its entry module by dynamic import. Throws an Error saying what is wrong. */
export async function loadJsModel(directory: string, manifest: JsModelManifest): Promise<LoadedModel> {
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
