import { memo } from 'react';
import type { DiffRow } from '../../data/compare.js';

/** Params, tags, code, data and environment side by side: only what differs unless `showAll`. */
export const DiffTable = memo(function DiffTable({
  labels,
  rows,
  showAll,
  onShowAll,
}: {
  labels: readonly string[];
  rows: readonly DiffRow[];
  showAll: boolean;
  onShowAll: (showAll: boolean) => void;
}) {
  const shown = showAll ? rows : rows.filter((r) => r.differs);
  const equal = rows.length - rows.filter((r) => r.differs).length;
  return (
    <section>
      <h2>
        Differences{' '}
        <label className="muted show-all">
          <input
            data-testid="show-all"
            type="checkbox"
            checked={showAll}
            onChange={(e) => onShowAll(e.target.checked)}
          />{' '}
          show all ({equal} equal)
        </label>
      </h2>
      <div className="compare-scroll">
        <table className="compare-table" data-testid="compare-params">
          <thead>
            <tr>
              <th>kind</th>
              <th>key</th>
              {labels.map((label, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                <th key={i}>{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={labels.length + 2} className="muted">
                  No differences.
                </td>
              </tr>
            ) : (
              shown.map((row) => (
                <tr
                  key={`${row.section}:${row.key}`}
                  data-testid="diff-row"
                  data-key={row.key}
                  className={row.differs ? 'differs' : ''}
                >
                  <td className="muted">{row.section}</td>
                  <td>{row.key}</td>
                  {row.values.map((value, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <td key={i} className={value === null ? 'muted' : ''}>
                      {value ?? '—'}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
});
