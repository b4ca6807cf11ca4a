import type { ErrorAnalysis } from '../../../../src/sdk/index.js';
import { sliceRows } from '../../data/error-analysis.js';
import { IntervalBar } from '../../ui/ci-bar.js';

/** Input feature values where the model is right least often, worst first, each with its 95% interval. */
export function SlicesTable({ slices }: { slices: ErrorAnalysis['slices'] }) {
  if (slices.length === 0) {
    return (
      <p className="muted" data-testid="slices-empty">
        No input feature value has enough labelled predictions to rank yet.
      </p>
    );
  }
  return (
    <table className="grid narrow compact" data-testid="slices">
      <caption className="visually-hidden">Slices by input feature value, worst accuracy first</caption>
      <thead>
        <tr>
          <th scope="col">Feature</th>
          <th scope="col">Value</th>
          <th scope="col">Accuracy (95% CI)</th>
          <th scope="col">Labelled</th>
        </tr>
      </thead>
      <tbody>
        {sliceRows(slices).map((row) => (
          <tr key={`${row.feature}\u0000${row.value}`} data-testid="slice-row">
            <th scope="row" className="mono">
              {row.feature}
            </th>
            <td>
              <span className="clip mono" title={row.value}>
                {row.value}
              </span>
            </td>
            <td>
              <IntervalBar bar={row.bar} text={row.accuracy} />
            </td>
            <td className="muted">{row.counts}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
