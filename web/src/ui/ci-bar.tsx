import { formatDelta } from '../../../src/core/format.js';
import type { Verdict } from '../../../src/sdk/index.js';
import { type CiBar as CiBarPositions, ciBar, type Scale } from '../data/notebook.js';

/** A difference to the baseline as a bar: its interval, a tick at the estimate, a line at zero. */
export function CiBar({
  difference,
  scale,
}: {
  difference: Pick<Verdict, 'estimate' | 'ci' | 'verdict'>;
  scale: Scale;
}) {
  return (
    <IntervalBar
      bar={ciBar(difference, scale)}
      tone={`tone-${difference.verdict}`}
      text={formatDelta(difference)}
      zero
    />
  );
}

/** An interval as a bar with a tick at its estimate (positions in percent), and the same as text beside it. */
export function IntervalBar({
  bar,
  tone,
  text,
  zero = false,
}: {
  bar: CiBarPositions | null;
  tone?: string;
  text: string;
  /** Draw the line at zero (for differences). */
  zero?: boolean;
}) {
  return (
    <span className="ci">
      <span className="ci-bar" aria-hidden="true">
        {bar && (
          <>
            {zero && <span className="ci-zero" style={{ left: `${bar.zero}%` }} />}
            <span
              className={`ci-range ${tone ?? ''}`}
              style={{ left: `${bar.left}%`, width: `${Math.max(bar.width, 0.5)}%` }}
            />
            <span className={`ci-estimate ${tone ?? ''}`} style={{ left: `${bar.estimate}%` }} />
          </>
        )}
      </span>
      <span className="ci-text">{text}</span>
    </span>
  );
}
