import type { QualityReport } from '../../../src/sdk/index.js';
import { plural } from './format.js';
import { accuracyEstimate } from './quality-summary.js';

/**
 * A version's live accuracy over time as SVG geometry: per bucket its 95% interval as a box spanning the
 * bucket's time and its accuracy as a line (broken where buckets without labels leave a gap), the offline
 * interval as a band across the whole chart. Accuracy is drawn on a fixed 0–1 scale so versions compare.
 */
export type QualityBucket = 'hour' | 'day' | 'week';

export const QUALITY_BUCKETS: readonly QualityBucket[] = ['hour', 'day', 'week'];
export const DEFAULT_BUCKET: QualityBucket = 'day';
/** The widths the server cuts time into for each choice (`?bucket=` of GET /models/{name}/quality). */
const BUCKET_MS: Record<QualityBucket, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };
/** Fewer labels than this in a typical bucket leave its interval too wide to read a trend from. */
const FEW_LABELS = 10;

type VersionQuality = QualityReport['versions'][number];

export function parseQualityBucket(text: string | null): QualityBucket {
  return QUALITY_BUCKETS.find((b) => b === text) ?? DEFAULT_BUCKET;
}

/** The search parameter; the default is left out so URLs stay short. */
export function qualityBucketSearch(bucket: QualityBucket): string | undefined {
  return bucket === DEFAULT_BUCKET ? undefined : bucket;
}

export interface ChartFrame {
  width: number;
  height: number;
  /** Room for the value axis on the left and the time labels below. */
  left: number;
  bottom: number;
}

export interface BucketBox {
  start: number;
  x: number;
  width: number;
  /** y of the interval's upper and lower bound (SVG y grows downwards). */
  top: number;
  bottom: number;
  /** y of the accuracy. */
  y: number;
  title: string;
}

export interface QualityChartGeometry {
  boxes: BucketBox[];
  /** The accuracy line through the buckets' middles; a gap where a bucket has no labels. */
  line: string;
  offline: { top: number; bottom: number; mean: number; title: string } | null;
  yTicks: { y: number; text: string }[];
  xLabels: { x: number; text: string; anchor: 'start' | 'end' }[];
}

export function qualityChart(
  version: VersionQuality,
  bucket: QualityBucket,
  frame: ChartFrame,
): QualityChartGeometry {
  const width = BUCKET_MS[bucket];
  const buckets = [...version.buckets].sort((a, b) => a.start - b.start);
  const first = buckets[0]?.start ?? 0;
  const end = (buckets.at(-1)?.start ?? 0) + width;
  const plotWidth = frame.width - frame.left;
  const plotHeight = frame.height - frame.bottom;
  const x = (time: number) => round(frame.left + ((time - first) / (end - first)) * plotWidth);
  const y = (accuracy: number) => round((1 - clamp01(accuracy)) * plotHeight);
  const boxes = buckets.map((b) => ({
    start: b.start,
    x: x(b.start),
    width: Math.max(1, round(x(b.start + width) - x(b.start))),
    top: y(b.ci[1]),
    bottom: y(b.ci[0]),
    y: y(b.accuracy),
    title: `${bucketName(b.start, bucket)}: ${accuracyEstimate(b.accuracy, b.ci)}, ${b.correct} of ${plural(b.labelled, 'label')} right`,
  }));
  const line = boxes
    .map((box, i) => {
      const joined = i > 0 && buckets[i]!.start - buckets[i - 1]!.start === width;
      return `${joined ? 'L' : 'M'}${round(box.x + box.width / 2)} ${box.y}`;
    })
    .join(' ');
  const { offline } = version;
  return {
    boxes,
    line,
    offline:
      offline === null || !Number.isFinite(offline.mean)
        ? null
        : {
            top: y(Number.isFinite(offline.ci[1]) ? offline.ci[1] : offline.mean),
            bottom: y(Number.isFinite(offline.ci[0]) ? offline.ci[0] : offline.mean),
            mean: y(offline.mean),
            title: `offline ${offline.metric}: ${accuracyEstimate(offline.mean, offline.ci)} over ${plural(offline.runs, 'run')}`,
          },
    yTicks: [0, 0.5, 1].map((v) => ({ y: y(v), text: String(v) })),
    xLabels:
      buckets.length === 0
        ? []
        : [
            { x: frame.left, text: bucketName(first, bucket), anchor: 'start' },
            ...(buckets.length > 1
              ? [{ x: frame.width, text: bucketName(buckets.at(-1)!.start, bucket), anchor: 'end' as const }]
              : []),
          ],
  };
}

/** Why a chart says little, in words: no labels, one bucket, few labels per bucket, nothing offline. */
export function qualityChartNotes(version: VersionQuality, bucket: QualityBucket): string[] {
  if (version.labelled === 0) {
    return ['No labelled predictions yet: mark predictions right or wrong to see its live accuracy.'];
  }
  const notes: string[] = [];
  if (version.buckets.length === 1) {
    notes.push(
      bucket === 'hour'
        ? 'All its labels fall in one hour: no trend to show yet.'
        : `All its labels fall in one ${bucket}: a shorter bucket may show a trend.`,
    );
  }
  const typical = median(version.buckets.map((b) => b.labelled));
  if (typical < FEW_LABELS) {
    notes.push(
      `Few labels per ${bucket} (typically ${typical}): the intervals are wide${bucket === 'week' ? '' : '; a longer bucket pools more'}.`,
    );
  }
  if (version.offline === null) notes.push('No offline evaluation to compare with.');
  return notes;
}

/** "2026-01-01 13:00" for hours, "2026-01-01" for days, "week of 2026-01-01" (UTC). */
export function bucketName(start: number, bucket: QualityBucket): string {
  const iso = new Date(start).toISOString();
  if (bucket === 'hour') return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return bucket === 'day' ? iso.slice(0, 10) : `week of ${iso.slice(0, 10)}`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const round = (v: number) => Math.round(v * 10) / 10;
