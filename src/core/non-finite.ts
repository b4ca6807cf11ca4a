/**
 * JSON has no NaN or Infinity. Both APIs name them with the strings MLflow uses; where they may appear is
 * each API's own rule (MLflow accepts them in place of a number, the native API in a separate field).
 */
export type NonFiniteName = 'NaN' | 'Infinity' | '-Infinity';

const BY_NAME: Record<NonFiniteName, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

export function parseNonFinite(name: unknown): number | undefined {
  return typeof name === 'string' && Object.hasOwn(BY_NAME, name)
    ? BY_NAME[name as NonFiniteName]
    : undefined;
}

export function nonFiniteName(value: number): NonFiniteName | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  return undefined;
}
