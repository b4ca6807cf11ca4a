import { useQuery } from '@tanstack/react-query';
import { qualityAlert, qualityRows } from '../../data/quality-summary.js';
import { queries } from '../../queries.js';
import { QueryState } from '../../ui/query-state.js';

/** Live accuracy per version against its offline evaluation, with a banner when a version falls below it. */
export function QualityPanel({ model }: { model: string }) {
  const quality = useQuery(queries.quality(model));
  return (
    <QueryState query={quality} what="live quality">
      {(report) => {
        const alert = qualityAlert(report);
        const rows = qualityRows(report);
        return (
          <>
            {alert !== null && (
              <div className="banner banner-alert" role="alert" data-testid="quality-alert">
                <p>{alert}</p>
              </div>
            )}
            {rows.length > 0 && (
              <table className="grid narrow compact" data-testid="quality-table">
                <thead>
                  <tr>
                    <th>Version</th>
                    <th>Live accuracy</th>
                    <th>Offline</th>
                    <th>Labelled</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr
                      key={row.version}
                      data-testid="quality-row"
                      className={row.alert ? 'tone-worse' : undefined}
                    >
                      <td>{row.name}</td>
                      <td>{row.live}</td>
                      <td>{row.offline}</td>
                      <td>{row.labelled}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
