import type { Evaluation } from '../../../src/sdk/index.js';
import { verdictReport } from '../data/verdict.js';
import { VerdictBadge } from '../ui/verdict-badge.js';

/** The verdict in words and numbers: estimate, CI, p, P(improvement), runs needed, and why. */
export function VerdictPanel({
  evaluation,
  trialLabel,
}: {
  evaluation: Evaluation | null;
  trialLabel: (trialId: string) => string;
}) {
  const report = verdictReport(evaluation, trialLabel);
  return (
    <div className="card verdict" data-testid="verdict" data-verdict={report.outcome}>
      <h2>Verdict</h2>
      <p className="verdict-headline">
        <VerdictBadge outcome={report.outcome} /> {report.sentence}
        {report.advice && <strong> To settle it: {report.advice}.</strong>}
      </p>
      {report.figures.length > 0 && (
        <dl className="facts">
          {report.figures.map((f) => (
            <FigureRow key={f.label} label={f.label} value={f.value} />
          ))}
        </dl>
      )}
      {report.why.length > 0 && (
        <ul className="why">
          {report.why.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FigureRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
