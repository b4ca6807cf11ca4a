import type { Prediction } from '../../../../src/sdk/index.js';
import { PredictionRow } from './prediction-row.js';

/** Predictions, one row each, with the button that opens the label form under a row. */
export function PredictionTable({
  predictions,
  testId,
  caption,
}: {
  predictions: readonly Prediction[];
  testId: string;
  /** For screen readers when the heading above does not already name the table. */
  caption?: string;
}) {
  return (
    <table className="grid" data-testid={testId}>
      {caption !== undefined && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Time (UTC)</th>
          <th scope="col">Version</th>
          <th scope="col">Input</th>
          <th scope="col">Output</th>
          <th scope="col" className="num">
            Score
          </th>
          <th scope="col">Label</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {predictions.map((p) => (
          <PredictionRow key={p.id} prediction={p} />
        ))}
      </tbody>
    </table>
  );
}
