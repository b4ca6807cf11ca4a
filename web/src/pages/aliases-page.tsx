import { useQuery } from '@tanstack/react-query';
import { formatDate } from '../../../src/core/format.js';
import type { AliasEvent } from '../../../src/sdk/index.js';
import { Link } from '../link.js';
import { queries } from '../queries.js';
import { routePath } from '../routes.js';
import { QueryState } from '../ui/query-state.js';
import { ModelTabs } from './model-tabs.js';

const VIA = { mlflow: 'MLflow registry', api: 'Ratchet API', retrain: 'ratchet retrain' } as const;

/** Who put which version behind which alias, when, and on what evidence: a trial's verdict or a stated reason. */
export function AliasesPage({ model }: { model: string }) {
  const history = useQuery(queries.aliasHistory(model));
  return (
    <section>
      <h1>Alias history of {model}</h1>
      <ModelTabs model={model} current="aliases" />
      <QueryState query={history} what="alias history">
        {(events) =>
          events.length === 0 ? (
            <p className="muted" data-testid="empty-state">
              No alias has been set. <code>ratchet retrain {model}</code> moves <code>production</code> when a
              retrain improves on it; MLflow clients set aliases through the registry.
            </p>
          ) : (
            <table className="grid" data-testid="alias-history">
              <caption className="visually-hidden">Alias moves, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Alias</th>
                  <th scope="col">Version</th>
                  <th scope="col">Through</th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id}>
                    <td>{formatDate(event.time)}</td>
                    <td>{event.alias}</td>
                    <td>
                      {event.previous_version === null ? '—' : `v${event.previous_version}`} →{' '}
                      {event.version === null ? 'removed' : `v${event.version}`}
                    </td>
                    <td>{VIA[event.via]}</td>
                    <td>
                      <Evidence event={event} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}

function Evidence({ event }: { event: AliasEvent }) {
  const trial = event.trial;
  return (
    <>
      {trial && (
        <Link href={routePath({ page: 'trial', project: trial.project, number: trial.number })}>
          {trial.project}#{trial.number}
        </Link>
      )}
      {trial && event.reason !== null && ' — '}
      {event.reason !== null && <span data-testid="alias-reason">{event.reason}</span>}
      {trial === null && event.reason === null && <span className="muted">none given</span>}
    </>
  );
}
