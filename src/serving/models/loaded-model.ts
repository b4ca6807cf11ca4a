import type { JsonValue } from '../../core/prediction.js';
import type { InputSignature } from './model-manifest.js';

/** A model version's code, loaded and ready to answer. */
export interface LoadedModel {
  signature: InputSignature | undefined;
  /** The model's answers as it gives them: the result is checked by answersOf. */
  predict(inputs: readonly JsonValue[]): unknown;
}
