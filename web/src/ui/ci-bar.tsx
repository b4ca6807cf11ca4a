import { formatDelta } from '../../../src/core/format.js';
import type { Verdict } from '../../../src/sdk/index.js';
import { ciBar, type Scale } from '../data/notebook.js';

/** A difference to the baseline as a bar: its interval, a tick at the estimate, a line at zero. */
export function CiBar({
  difference,
  scale,
}: {
  difference: Pick<Verdict, 'estimate' | 'ci' | 'verdict'>;
  scale: Scale;
}) {
  const bar = ciBar(difference, scale);
  const text = formatDelta(difference);
  return (
    <span className="ci">
      <span className="ci-bar" aria-hidden="true">
        {bar && (
          <>
            <span className="ci-zero" style={{ left: `${bar.zero}%` }} />
            <span
              className={`ci-range tone-${difference.verdict}`}
              style={{ left: `${bar.left}%`, width: `${Math.max(bar.width, 0.5)}%` }}
            />
            <span className={`ci-estimate tone-${difference.verdict}`} style={{ left: `${bar.estimate}%` }} />
          </>
        )}
      </span>
      <span className="ci-text">{text}</span>
    </span>
  );
}
