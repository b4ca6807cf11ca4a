import { columnsOfLength, type SeriesColumns } from './series-columns.js';

export interface RawPoint {
  step: number;
  timestamp: number;
  value: number;
}

/**
 * Points in step order grouped into at most `buckets` equal-width step buckets over [start, end] (default:
 * the points' own first..last step), empty buckets left out: the shape `POST /api/v1/series` answers. Used
 * only while that endpoint is not on the server yet (see series-load.ts), from the shape-keeping history.
 */
export function bucketPoints(
  points: readonly RawPoint[],
  buckets: number,
  start = points[0]?.step ?? 0,
  end = points.at(-1)?.step ?? 0,
): SeriesColumns {
  const width = Math.max((end - start) / buckets, Number.MIN_VALUE);
  const indexOf = (step: number) => Math.min(buckets - 1, Math.floor((step - start) / width));
  let filled = 0;
  let previous = -1;
  for (const p of points) {
    if (p.step < start || p.step > end) continue;
    const index = indexOf(p.step);
    if (index !== previous) filled++;
    previous = index;
  }
  const columns = columnsOfLength(filled);
  let at = -1;
  previous = -1;
  for (const p of points) {
    if (p.step < start || p.step > end) continue;
    const index = indexOf(p.step);
    if (index !== previous) {
      at++;
      previous = index;
      columns.stepFirst[at] = p.step;
      columns.timeFirst[at] = p.timestamp;
      columns.first[at] = p.value;
      columns.min[at] = p.value;
      columns.max[at] = p.value;
    }
    columns.stepLast[at] = p.step;
    columns.timeLast[at] = p.timestamp;
    columns.last[at] = p.value;
    if (p.value < columns.min[at]! || Number.isNaN(columns.min[at]!)) columns.min[at] = p.value;
    if (p.value > columns.max[at]! || Number.isNaN(columns.max[at]!)) columns.max[at] = p.value;
    columns.count[at] = columns.count[at]! + 1;
  }
  return columns;
}
