import { formatNumber } from '../../../src/core/format.js';
import type { PerExample } from '../../../src/sdk/index.js';
import { formatP } from '../data/format.js';
import { mcnemarRows } from '../data/per-example.js';

/** McNemar's test on the examples both arms scored: which flipped, and whether the flips are beyond chance. */
export function PerExampleTable({ result }: { result: PerExample }) {
  return (
    <section data-testid="per-example">
      <h2>Per-example results</h2>
      <table className="grid compact narrow">
        <tbody>
          {mcnemarRows(result).map((row) => (
            <tr key={row.label}>
              <td>{row.label}</td>
              <td className="num">{row.count.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        McNemar on {result.examples.toLocaleString('en-US')} shared examples: χ²{' '}
        {formatNumber(result.statistic)}, {formatP(result.p_value)}
      </p>
    </section>
  );
}
