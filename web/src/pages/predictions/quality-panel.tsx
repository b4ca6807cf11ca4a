import { useQuery } from '@tanstack/react-query';
import { QUALITY_BUCKETS, type QualityBucket } from '../../data/quality-chart.js';
import { newestFirst, qualityAlert, qualityRows } from '../../data/quality-summary.js';
import { queries } from '../../queries.js';
import { QueryState } from '../../ui/query-state.js';
import { QualityChart } from './quality-chart.js';

/**
 * Live accuracy per version against its offline evaluation, with a banner when a version falls below it, and
 * per version a chart of it over time in the bucket size chosen (kept in the URL).
 */
export function QualityPanel({
  model,
  bucket,
  onBucket,
}: {
  model: string;
  bucket: QualityBucket;
  onBucket: (bucket: QualityBucket) => void;
}) {
  const quality = useQuery(queries.quality(model, bucket));
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
                <caption className="visually-hidden">Live quality per version</caption>
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Live accuracy</th>
                    <th scope="col">Offline</th>
                    <th scope="col">Labelled</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr
                      key={row.version}
                      data-testid="quality-row"
                      className={row.alert ? 'tone-worse' : undefined}
                    >
                      <th scope="row">{row.name}</th>
                      <td>{row.live}</td>
                      <td>{row.offline}</td>
                      <td>{row.labelled}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {report.versions.length > 0 && (
              <section className="quality-over-time" aria-labelledby="quality-over-time">
                <div className="section-header">
                  <h2 id="quality-over-time">Live accuracy over time</h2>
                  <label className="muted small">
                    Bucket{' '}
                    <select
                      aria-label="Bucket"
                      value={bucket}
                      onChange={(e) => onBucket(e.target.value as QualityBucket)}
                    >
                      {QUALITY_BUCKETS.map((b) => (
                        <option key={b} value={b}>
                          {b}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
                <p className="muted small">
                  Boxes: each bucket's 95% interval; line: its accuracy; shaded band: the offline evaluation's
                  interval.
                </p>
                <div className="quality-charts">
                  {newestFirst(report).map((v) => (
                    <QualityChart key={v.version} version={v} bucket={bucket} />
                  ))}
                </div>
              </section>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
