import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadJsModel } from './js-model.js';
import type { LoadedModel } from './loaded-model.js';
import { MODEL_MANIFEST_FILE, parseModelManifest } from './model-manifest.js';
import { loadOnnxModel } from './onnx-model.js';

/**
 * Loads the model in `directory` as its ratchet-model.json says, by the loader of its flavor.
 * Throws an Error saying what is missing or wrong.
 */
export async function loadModel(directory: string): Promise<LoadedModel> {
  const manifestText = await readFile(join(directory, MODEL_MANIFEST_FILE), 'utf8').catch(() => {
    throw new Error(`its artifacts hold no ${MODEL_MANIFEST_FILE}.`);
  });
  const manifest = parseModelManifest(manifestText);
  switch (manifest.flavor) {
    case 'js':
      return loadJsModel(directory, manifest);
    case 'onnx':
      return loadOnnxModel(directory, manifest);
  }
}
