import type { LabelFilter, PredictionView } from '../../data/prediction-view.js';

const LABELS: { value: LabelFilter; text: string }[] = [
  { value: 'all', text: 'all' },
  { value: 'labelled', text: 'labelled' },
  { value: 'unlabelled', text: 'unlabelled' },
  { value: 'wrong', text: 'wrong' },
];

/** The list's filters; every change goes to the URL (and back to the first page). */
export function PredictionFilters({
  view,
  versions,
  onChange,
}: {
  view: PredictionView;
  /** Version numbers and aliases to choose among. */
  versions: string[];
  onChange: (view: PredictionView) => void;
}) {
  const set = (changes: Partial<PredictionView>) => onChange({ ...view, ...changes, page: 0 });
  const choices =
    view.version === null || versions.includes(view.version) ? versions : [view.version, ...versions];
  return (
    <div className="inline-form" data-testid="prediction-filters">
      <label>
        Version
        <select
          aria-label="Version"
          value={view.version ?? ''}
          onChange={(e) => set({ version: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">all versions</option>
          {choices.map((v) => (
            <option key={v} value={v}>
              {/^\d+$/.test(v) ? `v${v}` : v}
            </option>
          ))}
        </select>
      </label>
      <label>
        Label
        <select
          aria-label="Label"
          value={view.label}
          onChange={(e) => set({ label: e.target.value as LabelFilter })}
        >
          {LABELS.map((l) => (
            <option key={l.value} value={l.value}>
              {l.text}
            </option>
          ))}
        </select>
      </label>
      <ScoreInput label="Min score" value={view.minScore} onChange={(minScore) => set({ minScore })} />
      <ScoreInput label="Max score" value={view.maxScore} onChange={(maxScore) => set({ maxScore })} />
    </div>
  );
}

function ScoreInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  return (
    <label>
      {label}
      <input
        aria-label={label}
        type="number"
        step="any"
        size={6}
        defaultValue={value ?? ''}
        // On blur or Enter, not per keystroke: "0." is not yet the number being typed.
        onBlur={(e) => onChange(Number.isFinite(e.target.valueAsNumber) ? e.target.valueAsNumber : null)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </label>
  );
}
