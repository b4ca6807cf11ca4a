import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TrialDetail } from '../../../src/sdk/index.js';
import { ratchet } from '../api.js';
import { ReasonForm } from './reason-form.js';

/** Promote the trial to baseline, or accept that it changes several things at once: each with a reason. */
export function TrialActions({ trial }: { trial: TrialDetail }) {
  const client = useQueryClient();
  const [force, setForce] = useState(false);
  const [done, setDone] = useState<{ promoted?: string; accepted?: string }>({});
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['trial'] }),
      client.invalidateQueries({ queryKey: ['project', trial.project_id] }),
    ]);
  const promote = async (reason: string) => {
    const promotion = await ratchet.projects.promote({ id: trial.project_id }, trial.id, {
      ...(force ? { force: true } : {}),
      ...(reason === '' ? {} : { reason }),
    });
    setDone({
      ...done,
      promoted: promotion.forced ? 'Promoted (forced).' : 'Promoted: this is the baseline now.',
    });
    await refresh();
  };
  const accept = async (reason: string) => {
    await (await ratchet.trials.get(trial.id)).acceptChanges(reason);
    setDone({ ...done, accepted: 'Accepted; the reason is recorded.' });
    await refresh();
  };
  const multiple = trial.flags.includes('multiple_changes');
  return (
    <section className="actions">
      <h2>Actions</h2>
      <div className="cards">
        {trial.is_baseline ? (
          <p className="muted">This trial is the baseline.</p>
        ) : (
          <ReasonForm
            title="Promote to baseline"
            buttonLabel="Promote"
            buttonTestId="promote-button"
            placeholder="Why (recorded; needed to force)"
            requireReason={force}
            action={promote}
            done={done.promoted ?? null}
            extra={
              <label className="toggle">
                <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
                force past the verdict and the rules
              </label>
            }
          />
        )}
        {multiple && (
          <ReasonForm
            title={
              trial.accepted_changes_reason === null ? 'Accept several changes at once' : 'Changes accepted'
            }
            buttonLabel={trial.accepted_changes_reason === null ? 'Accept changes' : 'Restate the reason'}
            buttonTestId="accept-changes-button"
            placeholder={trial.accepted_changes_reason ?? 'Why changing several things at once is fine here'}
            requireReason
            action={accept}
            done={done.accepted ?? null}
          />
        )}
      </div>
    </section>
  );
}
