// Argument checks shared by the whole library. Every failure is a RangeError naming the argument.

export function assertSample(name: string, values: unknown, minLength = 1): asserts values is number[] {
  if (!Array.isArray(values)) throw new RangeError(`${name} must be an array of numbers`);
  if (values.length < minLength) {
    throw new RangeError(`${name} must contain at least ${minLength} value(s), got ${values.length}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`${name}[${i}] must be a finite number, got ${String(v)}`);
    }
  }
}

/** A runs × examples table: an array of rows of finite numbers, all of one length. */
export function assertTable(name: string, table: unknown): asserts table is number[][] {
  if (!Array.isArray(table))
    throw new RangeError(`${name} must be an array of runs, each an array of numbers`);
  const columns = Array.isArray(table[0]) ? table[0].length : 0;
  table.forEach((row, j) => {
    assertSample(`${name}[${j}]`, row, 0);
    if (row.length !== columns) {
      throw new RangeError(`${name}[${j}] must hold ${columns} values like ${name}[0], got ${row.length}`);
    }
  });
}

export function assertFinite(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

/** A number that is not NaN; ±Infinity allowed (e.g. an effect size measured without noise). */
export function assertNotNaN(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new RangeError(`${name} must be a number, got ${String(value)}`);
  }
}

export function assertPositive(name: string, value: unknown): asserts value is number {
  assertFinite(name, value);
  if (value <= 0) throw new RangeError(`${name} must be > 0, got ${value}`);
}

/** Strictly between 0 and 1 (confidence levels, significance levels, target power). */
export function assertOpenUnit(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new RangeError(`${name} must be strictly between 0 and 1, got ${String(value)}`);
  }
}

/** Between 0 and 1 inclusive (probabilities, p-values). */
export function assertProbability(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new RangeError(`${name} must be between 0 and 1, got ${String(value)}`);
  }
}

export function assertInteger(name: string, value: unknown, min: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${String(value)}`);
  }
}

export function assertOneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (!allowed.includes(value as T)) {
    throw new RangeError(
      `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${String(value)}`,
    );
  }
}
