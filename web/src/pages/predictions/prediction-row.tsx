import { useState } from 'react';
import type { JsonValue, Prediction } from '../../../../src/sdk/index.js';
import { compactJson } from '../../data/label-input.js';
import { FeedbackForm } from './feedback-form.js';

const COLUMNS = 7;

/** One logged prediction; "Mark wrong" opens the label form under it. */
export function PredictionRow({ prediction }: { prediction: Prediction }) {
  const [labelling, setLabelling] = useState(false);
  const { feedback } = prediction;
  const wrong = feedback !== null && JSON.stringify(feedback.label) !== JSON.stringify(prediction.output);
  return (
    <>
      <tr data-testid="prediction-row" data-id={prediction.id}>
        <td className="nowrap">{new Date(prediction.time).toISOString().replace('T', ' ').slice(0, 19)}</td>
        <td>v{prediction.model_version}</td>
        <td>
          <Json value={prediction.input} />
        </td>
        <td>
          <Json value={prediction.output} />
        </td>
        <td className="num">{prediction.score === null ? '–' : prediction.score.toFixed(3)}</td>
        <td className={wrong ? 'tone-worse' : undefined} title={feedback?.comment ?? undefined}>
          {feedback === null ? <span className="muted">–</span> : <Json value={feedback.label} />}
        </td>
        <td>
          <button type="button" onClick={() => setLabelling(!labelling)}>
            {feedback === null ? 'Mark wrong' : 'Relabel'}
          </button>
        </td>
      </tr>
      {labelling && (
        <tr>
          <td colSpan={COLUMNS}>
            <FeedbackForm prediction={prediction} onDone={() => setLabelling(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

/** User JSON, shown as text only (React escapes it), cut short with the whole of it in the tooltip. */
function Json({ value }: { value: JsonValue }) {
  return (
    <span className="mono clip" title={compactJson(value, 2000)}>
      {compactJson(value)}
    </span>
  );
}
