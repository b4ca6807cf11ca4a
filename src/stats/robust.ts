import { mean } from './descriptive.js';
import { uStatistic } from './mann-whitney.js';
import { assertSample } from './validate.js';

/** Interquartile mean: the mean after cutting floor(N/4) values from each end of the sorted, flattened input. */
export function iqm(values: number[] | number[][]): number {
  const flat = flatten('values', values);
  const sorted = Float64Array.from(flat).sort();
  const cut = Math.floor(0.25 * sorted.length);
  return mean(Array.from(sorted.subarray(cut, sorted.length - cut)));
}

/**
 * P(X > Y) with ties counting ½, i.e. U/(n_x·n_y). For runs × tasks matrices (rows are runs), the
 * mean of that probability over tasks (columns).
 */
export function probabilityOfImprovement(x: number[] | number[][], y: number[] | number[][]): number {
  const xs = asMatrix('x', x);
  const ys = asMatrix('y', y);
  if (xs.matrix !== ys.matrix)
    throw new RangeError('x and y must both be arrays or both be runs × tasks matrices');
  if (!xs.matrix) return pairwise(x as number[], y as number[]);
  const tasks = xs.columns;
  if (ys.columns !== tasks)
    throw new RangeError(`y must have ${tasks} tasks (columns) like x, got ${ys.columns}`);
  let sum = 0;
  for (let t = 0; t < tasks; t++) {
    sum += pairwise(column(x as number[][], t), column(y as number[][], t));
  }
  return sum / tasks;
}

function pairwise(x: readonly number[], y: readonly number[]): number {
  return uStatistic(x, y) / (x.length * y.length);
}

function column(m: readonly number[][], t: number): number[] {
  return m.map((row) => row[t] as number);
}

function asMatrix(name: string, values: unknown): { matrix: boolean; columns: number } {
  if (!Array.isArray(values) || values.length === 0)
    throw new RangeError(`${name} must be a non-empty array`);
  if (!Array.isArray(values[0])) {
    assertSample(name, values);
    return { matrix: false, columns: 1 };
  }
  const columns = (values[0] as unknown[]).length;
  values.forEach((row, i) => {
    assertSample(`${name}[${i}]`, row, 1);
    if (row.length !== columns) {
      throw new RangeError(`${name}[${i}] must have ${columns} tasks like ${name}[0], got ${row.length}`);
    }
  });
  return { matrix: true, columns };
}

function flatten(name: string, values: unknown): number[] {
  const { matrix } = asMatrix(name, values);
  return matrix ? (values as number[][]).flat() : (values as number[]);
}
