import { formatFlags } from '../../../src/core/format.js';
import type { TrialDetail } from '../../../src/sdk/index.js';

/** What this trial changed against its parent, one row per change. */
export function ChangeSet({ trial, parent }: { trial: TrialDetail; parent: React.ReactNode }) {
  const flags = formatFlags(trial.change_set.length, trial.accepted_changes_reason);
  return (
    <section data-testid="change-set">
      <h2>Change-set {trial.parent_trial_id !== null && <span className="muted">against {parent}</span>}</h2>
      {trial.parent_trial_id === null ? (
        <p className="muted">No parent: a first baseline, measured as it is.</p>
      ) : trial.change_set.length === 0 ? (
        <p className="muted">No change: the same configuration as its parent.</p>
      ) : (
        <table className="grid compact">
          <thead>
            <tr>
              <th>Kind</th>
              <th>Key</th>
              <th>Parent</th>
              <th>This trial</th>
            </tr>
          </thead>
          <tbody>
            {trial.change_set.map((c) => (
              <tr key={`${c.kind}/${c.key}`}>
                <td className="muted">{c.kind}</td>
                <td>{c.key}</td>
                <td className="mono">{c.from ?? <span className="muted">—</span>}</td>
                <td className="mono">{c.to ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {flags && <p className="muted small">{flags}</p>}
    </section>
  );
}
