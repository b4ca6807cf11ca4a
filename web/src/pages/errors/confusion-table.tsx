import type { ErrorAnalysis } from '../../../../src/sdk/index.js';
import { confusionView } from '../../data/error-analysis.js';

/** Counts of labelled predictions by true label (rows) and the model's output (columns); mistakes marked. */
export function ConfusionTable({ analysis }: { analysis: ErrorAnalysis }) {
  if (analysis.labelled === 0) return null;
  if (analysis.confusion.classes.length === 0) {
    return (
      <p className="muted" data-testid="confusion-empty">
        Too many distinct outputs for a confusion matrix (a regression?): see the slices below.
      </p>
    );
  }
  const view = confusionView(analysis.confusion);
  return (
    <table className="grid narrow compact confusion" data-testid="confusion">
      <caption className="visually-hidden">
        Confusion matrix: rows are the true labels, columns what the model predicted
      </caption>
      <thead>
        <tr>
          <th scope="col">Label ↓ predicted →</th>
          {view.classes.map((name) => (
            <th key={name} scope="col" className="num">
              <span className="clip" title={name}>
                {name}
              </span>
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {view.rows.map((row) => (
          <tr key={row.truth} data-testid="confusion-row">
            <th scope="row">
              <span className="clip" title={row.truth}>
                {row.truth}
              </span>
            </th>
            {row.cells.map((cell, j) => (
              <td
                key={view.classes[j]}
                className={`num${cell.wrong && cell.count > 0 ? ' confusion-wrong' : ''}`}
                data-testid="confusion-cell"
              >
                {cell.count}
              </td>
            ))}
            <td className="num muted">{row.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
