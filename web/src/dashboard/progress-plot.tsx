import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber } from '../../../src/core/format.js';
import { TRIAL_OUTCOMES } from '../../../src/core/trial-outcome.js';
import type { NotebookOutcome, Project, ProjectProgress } from '../../../src/sdk/index.js';
import { verdictWords } from '../data/format.js';
import type { ProgressData } from '../data/progress.js';
import { navigate } from '../location.js';
import { routePath } from '../routes.js';
import { cssColor, useDarkTheme } from '../ui/theme.js';
import { VerdictBadge } from '../ui/verdict-badge.js';
import { dotPaths } from './dot-paths.js';

const HEIGHT = 260;
/** A press that moved further than this (px) was a drag to zoom, not a click on a trial. */
const CLICK_SLOP = 4;

/** The progress chart drawn on canvas by uPlot: flat in the number of trials (10,000 draw at once). */
export function ProgressPlot({
  data,
  columns,
  project,
}: {
  data: ProgressData;
  /** The server's columns the data was built from: the hover names the trial from them. */
  columns: Pick<ProjectProgress, 'title' | 'outcome'>;
  project: Project;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const dark = useDarkTheme();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `dark` redraws in the other theme's colours
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const plot = new uPlot(
      options(data, project, element.clientWidth, setHovered),
      [
        data.numbers as number[],
        data.staircase,
        ...TRIAL_OUTCOMES.map((o) => data.byOutcome[o]),
        ...data.seeds,
      ],
      element,
    );
    const openTrial = clickWithoutDrag(plot.over, () => {
      const number = data.numbers[plot.cursor.idx ?? -1];
      if (number !== undefined) navigate(routePath({ page: 'trial', project: project.name, number }));
    });
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      openTrial();
      plot.destroy();
    };
  }, [data, project, dark]);

  const index = hovered ?? data.numbers.length - 1;
  const number = data.numbers[index];
  const title = columns.title[index];
  const outcome = columns.outcome[index];
  return (
    <div className="chart-frame">
      <div
        ref={box}
        className="chart-canvas"
        data-testid="chart"
        data-ready="true"
        data-series={1 + TRIAL_OUTCOMES.length + data.seeds.length}
        data-points={data.points}
        title="Click a trial to open it; drag to zoom, double-click to zoom out"
      />
      <Legend />
      {number !== undefined && title !== undefined && outcome !== undefined && (
        <HoverLine
          trial={{ number, title, outcome }}
          metric={project.primary_metric}
          average={data.means[index] ?? null}
        />
      )}
    </div>
  );
}

function HoverLine({
  trial,
  metric,
  average,
}: {
  trial: { number: number; title: string; outcome: NotebookOutcome };
  metric: string | null;
  average: number | null;
}) {
  return (
    <p className="chart-hover">
      <strong>#{trial.number}</strong> {trial.title} <VerdictBadge outcome={trial.outcome} />{' '}
      {average !== null && (
        <span className="muted">
          {metric} {formatNumber(average)}
        </span>
      )}
    </p>
  );
}

function Legend() {
  return (
    <p className="chart-legend small">
      <span className="legend-line" /> baseline
      {TRIAL_OUTCOMES.map((o) => (
        <span key={o}>
          <span className={`legend-dot tone-${o}`} /> {verdictWords(o)}
        </span>
      ))}
      <span>
        <span className="legend-dot legend-seed" /> seeds
      </span>
    </p>
  );
}

function options(
  data: ProgressData,
  project: Project,
  width: number,
  onHover: (index: number | null) => void,
): uPlot.Options {
  const fg = cssColor('--fg');
  const muted = cssColor('--muted');
  const border = cssColor('--border');
  const axis = { stroke: muted, grid: { stroke: border, width: 1 }, ticks: { stroke: border, width: 1 } };
  const dots = (color: string, size: number, shape: 'square' | 'circle'): uPlot.Series => ({
    stroke: color,
    fill: color,
    width: 0,
    paths: dotPaths(size, shape),
    points: { show: false },
  });
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] } },
    cursor: { drag: { x: true, y: false }, points: { show: false } },
    axes: [
      { ...axis, label: 'trial', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] },
      { ...axis, label: project.primary_metric ?? '', size: 60 },
    ],
    series: [
      {},
      { stroke: fg, width: 2, paths: uPlot.paths.stepped!({ align: 1 }), points: { show: false } },
      ...TRIAL_OUTCOMES.map((o) =>
        dots(cssColor(`--${o === 'no_detectable_difference' ? 'neutral' : o}`), 8, 'circle'),
      ),
      ...data.seeds.map(() => dots(muted, 3, 'square')),
    ],
    hooks: { setCursor: [(u) => onHover(u.cursor.idx ?? null)] },
  };
}

/** Calls `onClick` for a press and release in place; returns the function that stops listening. */
function clickWithoutDrag(target: HTMLElement, onClick: () => void): () => void {
  let down: { x: number; y: number } | null = null;
  const press = (e: MouseEvent) => {
    down = { x: e.clientX, y: e.clientY };
  };
  const release = (e: MouseEvent) => {
    if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) <= CLICK_SLOP) onClick();
    down = null;
  };
  target.addEventListener('mousedown', press);
  target.addEventListener('mouseup', release);
  return () => {
    target.removeEventListener('mousedown', press);
    target.removeEventListener('mouseup', release);
  };
}
