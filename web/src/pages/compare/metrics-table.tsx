import { memo } from 'react';
/** One cell of the metric table: the value, and against the baseline column its Δ (and CI when known). */
export interface MetricCell {
  value: string;
  delta: string | null;
  ci: string | null;
}

/** Metrics side by side with Δ (and CI) against the baseline column, which a click on a header chooses. */
export const MetricsTable = memo(function MetricsTable({
  labels,
  rows,
  baseline,
  onBaseline,
}: {
  labels: readonly string[];
  rows: readonly { key: string; cells: MetricCell[] }[];
  baseline: number;
  onBaseline: (column: number) => void;
}) {
  return (
    <section>
      <h2>Metrics</h2>
      <div className="compare-scroll">
        <table className="compare-table" data-testid="compare-metrics">
          <thead>
            <tr>
              <th>metric</th>
              {labels.map((label, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                <th key={i}>
                  {label}{' '}
                  {i === baseline ? (
                    <span className="baseline-tag">baseline</span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => onBaseline(i)}>
                      as baseline
                    </button>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td>{row.key}</td>
                {row.cells.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <td key={i} className="num">
                    {cell.value}
                    {cell.delta === null ? null : <span className="delta"> Δ {cell.delta}</span>}
                    {cell.ci === null ? null : <span className="muted"> {cell.ci}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
