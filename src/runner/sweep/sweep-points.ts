import { invalidParameter } from '../../core/errors.js';
import { createRng, type Rng } from '../../stats/random.js';
import { sampleValue } from './sample.js';
import type { GridAxis, SearchSpace, SweepPoint } from './search-space.js';

export interface PointsOptions {
  /** How many points: required with random axes; without, at most the grid's size (default: all of it). */
  trials?: number;
  /** Seeds the draws, so the same options give the same sweep. */
  seed: number;
}

export interface SweepPoints {
  points: SweepPoint[];
  /** Draws identical to an earlier point, dropped (discrete random axes can repeat). */
  duplicates: number;
}

/**
 * The points a sweep tries. A grid alone: every combination, or `trials` of them drawn without replacement (in
 * grid order). With random axes: `trials` points, the i-th taking the grid combination i modulo the grid's
 * size (so the grid is covered evenly) and a fresh draw of every random axis.
 */
export function sweepPoints(space: SearchSpace, options: PointsOptions): SweepPoints {
  const rng = createRng(options.seed);
  const grid = combinations(space.grid);
  const { trials } = options;
  if (trials !== undefined && !(Number.isInteger(trials) && trials >= 1)) {
    throw invalidParameter('--trials must be a whole number of at least 1.');
  }
  if (space.random.length === 0) {
    if (trials === undefined || trials === grid.length) return { points: grid, duplicates: 0 };
    if (trials > grid.length) {
      throw invalidParameter(`--trials ${trials}: the grid has only ${grid.length} points.`);
    }
    return { points: drawWithoutReplacement(grid, trials, rng), duplicates: 0 };
  }
  if (trials === undefined) throw invalidParameter('--random needs --trials N: how many points to draw.');
  const drawn = Array.from({ length: trials }, (_, i) => ({
    ...grid[i % grid.length],
    ...Object.fromEntries(space.random.map((axis) => [axis.name, sampleValue(axis.distribution, rng)])),
  }));
  const points = distinct(drawn);
  return { points, duplicates: drawn.length - points.length };
}

/** Every combination of the axes' values, the first axis varying slowest; one empty point for no axes. */
function combinations(axes: readonly GridAxis[]): SweepPoint[] {
  return axes.reduce<SweepPoint[]>(
    (points, axis) =>
      points.flatMap((point) => axis.values.map((value) => ({ ...point, [axis.name]: value }))),
    [{}],
  );
}

function drawWithoutReplacement<T>(items: readonly T[], count: number, rng: Rng): T[] {
  const indexes = items.map((_, i) => i);
  for (let i = indexes.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
  }
  return indexes
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}

function distinct(points: readonly SweepPoint[]): SweepPoint[] {
  const seen = new Set<string>();
  return points.filter((point) => {
    const key = JSON.stringify(Object.entries(point).sort());
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
