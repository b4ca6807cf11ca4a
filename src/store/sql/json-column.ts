import { nonFiniteName, parseNonFinite } from '../../core/non-finite.js';

/**
 * JSON stored in a TEXT column. JSON has no NaN or ±Infinity, and verdicts carry them (an interval of
 * [−∞, ∞] before there is any noise estimate): they are stored as {"$nonFinite": "NaN"} and read back as numbers.
 */
export function toJsonColumn(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    const special = typeof v === 'number' ? nonFiniteName(v) : undefined;
    return special === undefined ? v : { $nonFinite: special };
  });
}

export function fromJsonColumn<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && '$nonFinite' in v
      ? parseNonFinite((v as { $nonFinite: unknown }).$nonFinite)
      : v,
  ) as T;
}
