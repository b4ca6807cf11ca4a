import type { QualityReport } from '../../../../src/sdk/index.js';
import { plural } from '../../data/format.js';
import { type QualityBucket, qualityChart, qualityChartNotes } from '../../data/quality-chart.js';
import { versionName } from '../../data/quality-summary.js';

const FRAME = { width: 340, height: 120, left: 28, bottom: 16 };

/** One version's live accuracy per bucket (95% interval boxes, the accuracy as a line) over the offline band. */
export function QualityChart({
  version,
  bucket,
}: {
  version: QualityReport['versions'][number];
  bucket: QualityBucket;
}) {
  const chart = qualityChart(version, bucket, FRAME);
  const name = versionName(version);
  const notes = qualityChartNotes(version, bucket);
  const plotBottom = FRAME.height - FRAME.bottom;
  return (
    <figure
      className={`quality-chart${version.alert ? ' tone-worse' : ''}`}
      data-testid="quality-chart"
      data-version={version.version}
      data-alert={version.alert}
    >
      <figcaption>
        {name}
        {version.alert && ': below its offline interval'}
      </figcaption>
      {version.buckets.length > 0 && (
        <svg
          viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
          role="img"
          aria-label={`Live accuracy of ${name} over ${plural(version.buckets.length, bucket)}${chart.offline ? `, against ${chart.offline.title}` : ''}`}
        >
          {chart.offline && (
            <g className="quality-offline">
              <title>{chart.offline.title}</title>
              <rect
                x={FRAME.left}
                width={FRAME.width - FRAME.left}
                y={chart.offline.top}
                height={Math.max(1, chart.offline.bottom - chart.offline.top)}
              />
              <line x1={FRAME.left} x2={FRAME.width} y1={chart.offline.mean} y2={chart.offline.mean} />
            </g>
          )}
          {chart.yTicks.map((tick) => (
            <g key={tick.text} className="quality-tick">
              <line x1={FRAME.left} x2={FRAME.width} y1={tick.y} y2={tick.y} />
              <text x={FRAME.left - 4} y={tick.y} textAnchor="end" dominantBaseline="middle">
                {tick.text}
              </text>
            </g>
          ))}
          {chart.boxes.map((box) => (
            <rect
              key={box.start}
              className="quality-bucket"
              data-testid="quality-bucket"
              x={box.x}
              width={box.width}
              y={box.top}
              height={Math.max(1, box.bottom - box.top)}
            >
              <title>{box.title}</title>
            </rect>
          ))}
          <path className="quality-line" d={chart.line} />
          {chart.boxes.map((box) => (
            <circle key={box.start} className="quality-point" cx={box.x + box.width / 2} cy={box.y} r={2} />
          ))}
          {chart.xLabels.map((label) => (
            <text
              key={label.anchor}
              className="quality-time"
              x={label.x}
              y={plotBottom + 12}
              textAnchor={label.anchor}
            >
              {label.text}
            </text>
          ))}
        </svg>
      )}
      {notes.map((note) => (
        <p key={note} className="muted small">
          {note}
        </p>
      ))}
    </figure>
  );
}
