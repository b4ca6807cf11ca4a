import { invalidParameter } from '../../core/errors.js';
import type { JsonValue } from '../../core/prediction.js';
import { shownValue } from '../../core/validation.js';
import type { InputSignature } from './model-manifest.js';

/**
 * Refuses a batch with an input the signature does not describe, naming the first bad field
 * (`inputs[3].age`): each input must be an object with every signature field, of its type, and no other.
 */
export function checkInputs(inputs: readonly JsonValue[], signature: InputSignature, model: string): void {
  const fields = Object.keys(signature.inputs);
  inputs.forEach((input, index) => {
    const where = `inputs[${index}]`;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw invalidParameter(`'${where}' must be an object with the fields ${fields.join(', ')} (${model}).`);
    }
    for (const [field, type] of Object.entries(signature.inputs)) {
      const value = Object.hasOwn(input, field) ? input[field] : undefined;
      if (value === undefined)
        throw invalidParameter(`'${where}.${field}' is missing (${model} needs a ${type}).`);
      if (typeof value !== type) {
        throw invalidParameter(
          `'${where}.${field}' must be a ${type} for ${model}, got ${shownValue(value)}.`,
        );
      }
    }
    const unknown = Object.keys(input).find((field) => !Object.hasOwn(signature.inputs, field));
    if (unknown !== undefined) {
      throw invalidParameter(
        `'${where}.${unknown}' is not in the signature of ${model} (fields: ${fields.join(', ')}).`,
      );
    }
  });
}
