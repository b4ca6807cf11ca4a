import { useQuery } from '@tanstack/react-query';
import { Link } from '../link.js';
import { queries } from '../queries.js';
import { routePath } from '../routes.js';
import { QueryState } from '../ui/query-state.js';

/** The registered models, each linked to its prediction log and its error analysis. */
export function ModelsPage() {
  const models = useQuery(queries.models());
  return (
    <section>
      <h1>Models</h1>
      <QueryState query={models} what="models">
        {(list) =>
          list.length === 0 ? (
            <p className="muted" data-testid="empty-state">
              No registered models yet. Register one through the MLflow registry (e.g.{' '}
              <code>mlflow.register_model</code>).
            </p>
          ) : (
            <table className="grid narrow">
              <thead>
                <tr>
                  <th>Model</th>
                  <th>Aliases</th>
                  <th className="num">Latest version</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((m) => (
                  <tr key={m.name} data-testid="model-row">
                    <td>{m.name}</td>
                    <td>
                      {Object.entries(m.aliases)
                        .map(([alias, version]) => `${alias} → v${version}`)
                        .join(', ')}
                    </td>
                    <td className="num">{m.latestVersion ?? '–'}</td>
                    <td>
                      <Link href={routePath({ page: 'predictions', model: m.name })}>Predictions</Link>
                      {' · '}
                      <Link href={routePath({ page: 'errors', model: m.name })}>Error analysis</Link>
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
