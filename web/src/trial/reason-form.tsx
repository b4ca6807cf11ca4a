import { type FormEvent, type ReactNode, useState } from 'react';
import { errorMessage } from '../data/errors.js';

/**
 * An action that takes a reason (promote, accept changes): the API's refusal is shown inline, in its words.
 * `extra` holds further fields (e.g. "force"), rendered before the button.
 */
export function ReasonForm({
  title,
  buttonLabel,
  buttonTestId,
  placeholder,
  requireReason,
  extra,
  action,
  done,
}: {
  title: string;
  buttonLabel: string;
  buttonTestId: string;
  placeholder: string;
  requireReason: boolean;
  extra?: ReactNode;
  action: (reason: string) => Promise<unknown>;
  done: string | null;
}) {
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    try {
      await action(reason.trim());
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="action-form" onSubmit={submit}>
      <h3>{title}</h3>
      <textarea
        aria-label={`${title}: reason`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={placeholder}
        rows={2}
        required={requireReason}
      />
      <div className="action-row">
        {extra}
        <button type="submit" data-testid={buttonTestId} disabled={pending}>
          {pending ? 'Working…' : buttonLabel}
        </button>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {done && !problem && <p className="done">{done}</p>}
    </form>
  );
}
