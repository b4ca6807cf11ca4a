import { verdictWords } from '../data/format.js';

/** A verdict as a small coloured label; the colour comes from the outcome (styles.css). */
export function VerdictBadge({ outcome, detail }: { outcome: string; detail?: string }) {
  return (
    <span className={`badge badge-${outcome}`} title={detail}>
      {verdictWords(outcome)}
    </span>
  );
}
