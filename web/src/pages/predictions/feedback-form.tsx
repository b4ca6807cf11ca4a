import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isHTTPError, type JsonValue, type Prediction } from '../../../../src/sdk/index.js';
import { ratchet } from '../../api.js';
import { errorMessage } from '../../data/errors.js';
import { compactJson, labelKind, parseLabel } from '../../data/label-input.js';

const PLACEHOLDER = {
  number: '42',
  string: 'right class',
  boolean: 'true or false',
  json: '{"class": "cat"}',
};

/**
 * The right label for a prediction, typed like its output, with an optional comment. A prediction labelled
 * meanwhile (409) is not overwritten silently: the form offers to replace that label.
 */
export function FeedbackForm({ prediction, onDone }: { prediction: Prediction; onDone: () => void }) {
  const [text, setText] = useState('');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: ({ label, replace }: { label: JsonValue; replace: boolean }) =>
      ratchet.predictions.feedback(prediction.id, label, {
        replace,
        ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['model', prediction.model_name] });
      onDone();
    },
    onError: (error) => {
      const isConflict = isHTTPError(error) && error.status === 409;
      setConflict(isConflict);
      setProblem(isConflict ? 'This prediction already has a label.' : errorMessage(error));
    },
  });
  const submit = (replace: boolean) => {
    const parsed = parseLabel(text, prediction.output);
    if (!parsed.ok) return setProblem(parsed.message);
    setProblem(null);
    send.mutate({ label: parsed.label, replace });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(prediction.feedback !== null);
  };
  return (
    <form className="inline-form feedback-form" data-testid="feedback-form" onSubmit={onSubmit}>
      <label>
        Right label ({labelKind(prediction.output)}; the model said {compactJson(prediction.output, 40)})
        <input
          aria-label="Right label"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={PLACEHOLDER[labelKind(prediction.output)]}
        />
      </label>
      <label>
        Comment
        <input aria-label="Comment" value={comment} onChange={(e) => setComment(e.target.value)} size={30} />
      </label>
      <button type="submit" disabled={send.isPending}>
        {send.isPending ? 'Saving…' : 'Save label'}
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {problem !== null && (
        <p className="error" role="alert">
          {problem}{' '}
          {conflict && (
            <button type="button" onClick={() => submit(true)} disabled={send.isPending}>
              Replace it
            </button>
          )}
        </p>
      )}
    </form>
  );
}
