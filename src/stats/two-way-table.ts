// Summaries of a runs × examples table (rows are runs, columns examples). Callers validate: every row has the
// same length.

/** A runs × examples table's means and its two-way residual. */
export interface TableSummary {
  /** Each run's mean over the examples (NaN for runs without examples). */
  rowMeans: number[];
  /** Each example's mean over the runs. */
  columnMeans: number[];
  /**
   * The residual mean square of the two-way analysis of variance without replication: what is left of each
   * value after its run's and its example's mean, Σ(x − row mean − column mean + grand mean)² over
   * (runs − 1)(examples − 1). It estimates the run × example interaction (a seed changing some examples' answers
   * and not others). NaN, with df 0, for fewer than 2 runs or 2 examples.
   */
  residualMeanSquare: number;
  residualDf: number;
}

export function summarizeTable(table: readonly (readonly number[])[]): TableSummary {
  const runs = table.length;
  const examples = table[0]?.length ?? 0;
  const columnSums = new Float64Array(examples);
  const rowMeans = new Array<number>(runs);
  for (let j = 0; j < runs; j++) {
    const row = table[j]!;
    let sum = 0;
    for (let i = 0; i < examples; i++) {
      const v = row[i]!;
      sum += v;
      columnSums[i] = columnSums[i]! + v;
    }
    rowMeans[j] = sum / examples;
  }
  const columnMeans: number[] = [];
  for (let i = 0; i < examples; i++) columnMeans.push(columnSums[i]! / runs);
  const residualDf = (runs - 1) * (examples - 1);
  if (runs < 2 || examples < 2)
    return { rowMeans, columnMeans, residualMeanSquare: Number.NaN, residualDf: 0 };
  const grand = rowMeans.reduce((sum, m) => sum + m, 0) / runs;
  let ss = 0;
  for (let j = 0; j < runs; j++) {
    const row = table[j]!;
    const rowEffect = rowMeans[j]! - grand;
    for (let i = 0; i < examples; i++) {
      const residual = row[i]! - rowEffect - columnMeans[i]!;
      ss += residual * residual;
    }
  }
  return { rowMeans, columnMeans, residualMeanSquare: ss / residualDf, residualDf };
}

/** The elementwise difference a − b of two tables of the same shape. */
export function tableDifference(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): number[][] {
  return a.map((row, j) => {
    const other = b[j]!;
    return row.map((v, i) => v - other[i]!);
  });
}
