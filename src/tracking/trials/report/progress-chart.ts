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
const HEIGHT = 354;
const MARGIN = { top: 20, right: 20, bottom: 84, left: 64 };
/** Beyond this many trials only every k-th tick is labelled, so the labels do not overlap. */
const MAX_TICK_LABELS = 18;
const SEED_COLOR = '#333333';

/**
 * The progress chart as a standalone SVG. The x axis is trial order: trial #1, #2, … evenly spaced, however
 * far apart in time they ran (the creation time is in each dot's tooltip). Every trial is a dot at its mean,
 * coloured by verdict, with its per-seed values as small points beside it so the spread shows (trials
 * without a value sit on the x axis, hollow). The best-so-far line steps up (or down, when minimizing) at
 * each promoted trial to its mean. Each dot carries data-trial-id and data-outcome, and a tooltip.
 */
export function progressChartSvg(data: ReportData): string {
  const { points, steps } = chartSeries(data);
  const values = [
    ...points.flatMap((p) => [...(p.value === null ? [] : [p.value]), ...p.seeds.map((s) => s.value)]),
    ...steps.map((s) => s.value),
  ];
  const [v0, v1] = padded(
    values.length > 0 ? Math.min(...values) : 0,
    values.length > 0 ? Math.max(...values) : 1,
    0.01,
  );
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(points.length, 1);
  const x = (index: number) => round(MARGIN.left + (index + 0.5) * slot);
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
  const every = Math.ceil(points.length / MAX_TICK_LABELS);
  points.forEach((point, i) => {
    if (i % every !== 0) return;
    parts.push(
      `<line x1="${x(i)}" y1="${bottom}" x2="${x(i)}" y2="${bottom + 4}" stroke="#333"/>`,
      `<text x="${x(i)}" y="${bottom + 16}" text-anchor="middle">#${point.number}</text>`,
    );
  });
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${bottom + 32}" text-anchor="middle">trial (in order)</text>`,
    `<text transform="translate(14 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">` +
      `${escapeXml(`${metric} (${data.project.direction ?? 'maximize'})`)}</text>`,
  );
  const indexOf = new Map(points.map((p, i) => [p.trialId, i]));
  const staircase: string[] = [];
  let stepX = Number.NEGATIVE_INFINITY;
  for (const step of steps) {
    const index = indexOf.get(step.trialId);
    if (index === undefined) continue;
    // A later promotion of an earlier trial steps where the line already is: the line never runs back.
    stepX = Math.max(stepX, x(index));
    staircase.push(staircase.length === 0 ? `M${stepX} ${y(step.value)}` : `H${stepX} V${y(step.value)}`);
  }
  if (staircase.length > 0) {
    parts.push(
      `<path class="best-so-far" d="${staircase.join(' ')} H${WIDTH - MARGIN.right}" fill="none" ` +
        'stroke="#2c7bb6" stroke-width="2"/>',
    );
  }
  points.forEach((point, i) => {
    parts.push(dot(point, x(i), point.value === null ? bottom : y(point.value)));
  });
  // Drawn over the dots, in a neutral colour, so seeds close to the mean stay visible.
  points.forEach((point, i) => {
    parts.push(...seedMarks(point, x(i), Math.min(slot * 0.3, 10), y));
  });
  parts.push(legend(bottom + 50));
  parts.push('</svg>');
  return parts.join('\n');
}

function dot(point: ChartPoint, cx: number, cy: number): string {
  const color = OUTCOME_COLORS[point.outcome];
  const fill = point.value === null ? 'none' : color;
  const ring = point.isBaseline ? ' stroke-width="3"' : ' stroke-width="1"';
  const mean =
    point.value === null ? '' : ` (mean ${formatNumber(point.value)} over ${point.seeds.length} seed(s))`;
  const label =
    `#${point.number} ${point.hypothesis} — ${point.outcome}${mean}` +
    `${point.isBaseline ? ', promoted to baseline' : ''} · created ${formatDate(point.createdTime)}`;
  return (
    `<circle class="trial" data-trial-id="${escapeXml(point.trialId)}" data-outcome="${point.outcome}" ` +
    `cx="${cx}" cy="${cy}" r="6" fill="${fill}" stroke="${point.isBaseline ? '#2c7bb6' : color}"${ring}>` +
    `<title>${escapeXml(label)}</title></circle>`
  );
}

/** The trial's per-seed values, spread over ±`spread` around its x in seed order. */
function seedMarks(point: ChartPoint, cx: number, spread: number, y: (v: number) => number): string[] {
  const seeds = [...point.seeds].sort((a, b) => (a.seed ?? Infinity) - (b.seed ?? Infinity));
  return seeds.map(({ seed, value }, i) => {
    const offset = seeds.length === 1 ? 0 : spread * ((2 * i) / (seeds.length - 1) - 1);
    const label = `#${point.number} ${seed === null ? 'a run without a seed' : `seed ${seed}`}: ${formatNumber(value)}`;
    return (
      `<circle class="seed" data-trial-id="${escapeXml(point.trialId)}" cx="${round(cx + offset)}" ` +
      `cy="${y(value)}" r="2.2" fill="${SEED_COLOR}" fill-opacity="0.7"><title>${escapeXml(label)}</title></circle>`
    );
  });
}

/** Four entries a row: the outcomes' colours, then the best-so-far line and the seeds' points. */
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
    (left, y) =>
      `<circle cx="${left}" cy="${y}" r="2.2" fill="${SEED_COLOR}" fill-opacity="0.7"/>` +
      `<text x="${left + 9}" y="${y + 4}">one seed's value (dot: mean)</text>`,
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
