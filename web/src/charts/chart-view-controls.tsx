import type { ChartView } from './chart-view.js';
import { X_AXES } from './x-axis.js';

export type { ChartView } from './chart-view.js';

const X_LABELS = { step: 'Step', relative: 'Relative time', wall: 'Wall time' } as const;

/** The chart's view settings: x axis, log scale, smoothing, and resetting a zoom. */
export function ChartViewControls({
  view,
  onChange,
}: {
  view: ChartView;
  onChange: (view: ChartView) => void;
}) {
  return (
    <div className="chart-controls">
      <label>
        x{' '}
        <select
          value={view.x}
          onChange={(e) => onChange({ ...view, x: e.target.value as ChartView['x'], zoom: null })}
        >
          {X_AXES.map((axis) => (
            <option key={axis} value={axis}>
              {X_LABELS[axis]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={view.log}
          onChange={(e) => onChange({ ...view, log: e.target.checked })}
        />{' '}
        log
      </label>
      <label>
        smoothing{' '}
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={view.smoothing}
          onChange={(e) => onChange({ ...view, smoothing: Number(e.target.value) })}
        />{' '}
        <span className="muted">{view.smoothing.toFixed(2)}</span>
      </label>
      {view.zoom === null ? null : (
        <button type="button" onClick={() => onChange({ ...view, zoom: null })}>
          Reset zoom (steps {view.zoom.from}–{view.zoom.to})
        </button>
      )}
    </div>
  );
}
