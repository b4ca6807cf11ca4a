import { useMemo } from 'react';
import { BAND_COLOR } from '../data/curves.js';
import { DOT_RADIUS, type DotGroup, type DotRow, dotPlotLayout } from '../data/seed-dots.js';

/** The frame's padding on each side: the plot is laid out for the width inside it. */
const FRAME_PADDING = 8;
const CAP = 5;

/**
 * A metric with one step as a dot plot (web/src/data/seed-dots.ts lays it out): each seed a dot, named on
 * hover, and each row's mean with its 95% t interval as an error bar, over a value axis. Like every chart,
 * the `chart` element says `data-ready`, `data-series` and `data-points`.
 */
export function SeedDots({
  groups,
  metric,
  width,
  loading,
}: {
  groups: readonly DotGroup[];
  /** The value axis's name. */
  metric: string;
  width: number;
  loading: boolean;
}) {
  const layout = useMemo(
    () => dotPlotLayout(groups, Math.max(width - 2 * FRAME_PADDING, 280)),
    [groups, width],
  );
  const { axis } = layout;
  return (
    <div
      className="seed-dots"
      data-testid="chart"
      data-ready={loading ? undefined : 'true'}
      data-series={layout.series}
      data-points={layout.points}
    >
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        height={layout.height}
        role="img"
        aria-label={layout.rows.map((r) => `${r.label}: ${r.summary}`).join('; ')}
      >
        {axis.ticks.map((t) => (
          <line key={t.label} className="dots-grid" x1={t.x} x2={t.x} y1={0} y2={axis.y} />
        ))}
        {layout.rows.map((row) => (
          <Row key={row.label} row={row} labelRight={layout.labelRight} />
        ))}
        <line className="dots-axis" x1={axis.left} x2={axis.right} y1={axis.y} y2={axis.y} />
        <text className="dots-tick" x={layout.labelRight} y={axis.y + 16} textAnchor="end">
          {metric}
        </text>
        {axis.ticks.map((t) => (
          <g key={t.label}>
            <line className="dots-axis" x1={t.x} x2={t.x} y1={axis.y} y2={axis.y + 4} />
            <text className="dots-tick" x={t.x} y={axis.y + 16} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}

function Row({ row, labelRight }: { row: DotRow; labelRight: number }) {
  const color = row.kind === 'trial' ? BAND_COLOR : undefined;
  const { bar } = row;
  return (
    <g className={`dots-row dots-${row.kind}`} style={color ? { color } : undefined}>
      <text className="dots-label" x={labelRight} y={row.y} dy="0.35em" textAnchor="end">
        {row.label}
      </text>
      <text className="dots-summary" x={labelRight} y={bar.y} dy="0.35em" textAnchor="end">
        {row.summary}
      </text>
      {row.dots.map((d) => (
        <circle key={d.id} className="dots-seed" cx={d.cx} cy={d.cy} r={DOT_RADIUS}>
          <title>{d.title}</title>
        </circle>
      ))}
      <g className="dots-bar">
        <title>{bar.title}</title>
        {bar.lower !== null && bar.upper !== null && (
          <>
            <line x1={bar.lower} x2={bar.upper} y1={bar.y} y2={bar.y} />
            <line x1={bar.lower} x2={bar.lower} y1={bar.y - CAP} y2={bar.y + CAP} />
            <line x1={bar.upper} x2={bar.upper} y1={bar.y - CAP} y2={bar.y + CAP} />
          </>
        )}
        <rect
          className="dots-mean"
          x={bar.mean - 4}
          y={bar.y - 4}
          width={8}
          height={8}
          transform={`rotate(45 ${bar.mean} ${bar.y})`}
        />
      </g>
    </g>
  );
}
