import type { NotebookOutcome } from '../../../core/trial-rules.js';
import { formatDate, formatNumber } from './format.js';
import { type ChartPoint, chartSeries, type ReportData } from './report-data.js';

export const OUTCOME_COLORS: Record<NotebookOutcome, string> = {
  improved: '#1a9850',
  worse: '#d73027',
  no_detectable_difference: '#7f7f7f',
  inconclusive: '#f39c12',
  failed: '#4d0000',
  pending: '#b0c4de',
  baseline: '#2c7bb6',
};

const WIDTH = 760;
const HEIGHT = 340;
const MARGIN = { top: 20, right: 20, bottom: 70, left: 64 };

/**
 * The progress chart as a standalone SVG: the best-so-far line steps up (or down, when minimizing) at each
 * promotion to the new baseline's mean; every trial is a dot at its creation time and mean, coloured by
 * verdict (trials without a value sit on the x axis, hollow). Each dot carries data-trial-id and
 * data-outcome, and a tooltip.
 */
export function progressChartSvg(data: ReportData): string {
  const { points, steps, end } = chartSeries(data);
  const values = [
    ...points.flatMap((p) => (p.value === null ? [] : [p.value])),
    ...steps.map((s) => s.value),
  ];
  const times = [...points.map((p) => p.time), ...steps.map((s) => s.time), end];
  const [t0, t1] = padded(Math.min(...times), Math.max(...times), 3_600_000);
  const [v0, v1] = padded(
    values.length > 0 ? Math.min(...values) : 0,
    values.length > 0 ? Math.max(...values) : 1,
    0.01,
  );
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (t: number) => round(MARGIN.left + ((t - t0) / (t1 - t0)) * plotWidth);
  const y = (v: number) => round(MARGIN.top + (1 - (v - v0) / (v1 - v0)) * plotHeight);
  const bottom = MARGIN.top + plotHeight;
  const metric = data.project.primaryMetric ?? 'metric';

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="progress-chart" width="${WIDTH}" height="${HEIGHT}" ` +
      `viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(`${data.project.name}: best ${metric} so far, and every trial`)}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<line x1="${MARGIN.left}" y1="${bottom}" x2="${WIDTH - MARGIN.right}" y2="${bottom}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" stroke="#333"/>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const v = v0 + ((v1 - v0) * i) / 4;
    parts.push(
      `<line x1="${MARGIN.left - 4}" y1="${y(v)}" x2="${WIDTH - MARGIN.right}" y2="${y(v)}" stroke="#eee"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(v) + 4}" text-anchor="end">${formatNumber(v, 3)}</text>`,
    );
  }
  parts.push(
    `<text x="${MARGIN.left}" y="${bottom + 18}">${escapeXml(formatDate(t0))}</text>`,
    `<text x="${WIDTH - MARGIN.right}" y="${bottom + 18}" text-anchor="end">${escapeXml(formatDate(t1))}</text>`,
    `<text transform="translate(14 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">` +
      `${escapeXml(`${metric} (${data.project.direction ?? 'maximize'})`)}</text>`,
  );
  if (steps.length > 0) {
    const d = steps.map((s, i) => (i === 0 ? `M${x(s.time)} ${y(s.value)}` : `H${x(s.time)} V${y(s.value)}`));
    parts.push(
      `<path class="best-so-far" d="${d.join(' ')} H${x(end)}" fill="none" stroke="#2c7bb6" stroke-width="2"/>`,
    );
  }
  for (const point of points)
    parts.push(dot(point, x(point.time), point.value === null ? bottom : y(point.value)));
  parts.push(legend(bottom + 34));
  parts.push('</svg>');
  return parts.join('\n');
}

function dot(point: ChartPoint, cx: number, cy: number): string {
  const color = OUTCOME_COLORS[point.outcome];
  const fill = point.value === null ? 'none' : color;
  const ring = point.isBaseline ? ' stroke-width="3"' : ' stroke-width="1"';
  const label = `#${point.number} ${point.hypothesis} — ${point.outcome}${
    point.value === null ? '' : ` (${formatNumber(point.value)})`
  }${point.isBaseline ? ', promoted to baseline' : ''}`;
  return (
    `<circle class="trial" data-trial-id="${escapeXml(point.trialId)}" data-outcome="${point.outcome}" ` +
    `cx="${cx}" cy="${cy}" r="6" fill="${fill}" stroke="${point.isBaseline ? '#2c7bb6' : color}"${ring}>` +
    `<title>${escapeXml(label)}</title></circle>`
  );
}

/** Four entries a row: the outcomes' colours, then the best-so-far line. */
function legend(top: number): string {
  const swatches = (Object.keys(OUTCOME_COLORS) as NotebookOutcome[]).map(
    (outcome) => (left: number, y: number) =>
      `<circle cx="${left}" cy="${y}" r="5" fill="${OUTCOME_COLORS[outcome]}"/>` +
      `<text x="${left + 9}" y="${y + 4}">${outcome.replaceAll('_', ' ')}</text>`,
  );
  swatches.push(
    (left, y) =>
      `<line x1="${left - 6}" y1="${y}" x2="${left + 6}" y2="${y}" stroke="#2c7bb6" stroke-width="2"/>` +
      `<text x="${left + 9}" y="${y + 4}">best so far (baseline)</text>`,
  );
  const items = swatches.map((draw, i) => draw(MARGIN.left + (i % 4) * 170, top + Math.floor(i / 4) * 18));
  return `<g class="legend">${items.join('')}</g>`;
}

function padded(lo: number, hi: number, minimumSpan: number): [number, number] {
  const span = Math.max(hi - lo, minimumSpan);
  const mid = (lo + hi) / 2;
  return [mid - span * 0.55, mid + span * 0.55];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
