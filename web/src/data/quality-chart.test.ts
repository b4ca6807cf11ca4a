import { describe, expect, it } from 'vitest';
import type { QualityReport } from '../../../src/sdk/index.js';
import { bucketName, parseQualityBucket, qualityChart, qualityChartNotes } from './quality-chart.js';

type Version = QualityReport['versions'][number];

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const FRAME = { width: 340, height: 110, left: 40, bottom: 10 };

const bucket = (hour: number, labelled: number, correct: number, ci: [number, number]) => ({
  start: T0 + hour * HOUR,
  labelled,
  correct,
  accuracy: correct / labelled,
  ci,
});

const version = (over: Partial<Version>): Version => ({
  version: 1,
  aliases: [],
  labelled: 40,
  correct: 20,
  accuracy: 0.5,
  ci: [0.35, 0.65],
  buckets: [],
  offline: { metric: 'acc', mean: 0.75, ci: [0.7, 0.8], runs: 5 },
  alert: false,
  ...over,
});

describe('the live-quality chart', () => {
  it('reads the bucket size from the URL, a day unless hour or week', () => {
    expect(parseQualityBucket('hour')).toBe('hour');
    expect(parseQualityBucket('week')).toBe('week');
    expect(parseQualityBucket('fortnight')).toBe('day');
    expect(parseQualityBucket(null)).toBe('day');
  });

  it('draws a box per bucket across its time, the line broken where a bucket has no labels', () => {
    const chart = qualityChart(
      version({
        buckets: [bucket(2, 10, 5, [0.2, 0.8]), bucket(0, 10, 10, [0.7, 1]), bucket(1, 10, 0, [0, 0.3])],
      }),
      'hour',
      FRAME,
    );
    // Hours 0, 1, 2 fill the 300 px plot: 100 px each, in time order.
    expect(chart.boxes.map((b) => [b.x, b.width])).toEqual([
      [40, 100],
      [140, 100],
      [240, 100],
    ]);
    // 0–1 over 100 px, upside down: accuracy 1 at y 0, the interval [0.2, 0.8] from y 80 up to y 20.
    expect(chart.boxes[0]).toMatchObject({ y: 0, top: 0 });
    expect(chart.boxes[2]).toMatchObject({ y: 50, top: 20, bottom: 80 });
    expect(chart.line).toBe('M90 0 L190 100 L290 50');
    expect(chart.boxes[1]!.title).toBe('2026-01-01 01:00: 0, 95% CI [0, 0.3], 0 of 10 labels right');

    const gap = qualityChart(
      version({ buckets: [bucket(0, 10, 5, [0.2, 0.8]), bucket(2, 10, 5, [0.2, 0.8])] }),
      'hour',
      FRAME,
    );
    expect(gap.line).toBe('M90 50 M290 50');
  });

  it('shades the offline interval across the chart', () => {
    const chart = qualityChart(version({ buckets: [bucket(0, 10, 5, [0.2, 0.8])] }), 'day', FRAME);
    expect(chart.offline).toMatchObject({ top: 20, bottom: 30, mean: 25 });
    expect(chart.offline!.title).toBe('offline acc: 0.75, 95% CI [0.7, 0.8] over 5 runs');
    expect(qualityChart(version({ offline: null }), 'day', FRAME).offline).toBeNull();
  });

  it('says in words why a chart shows little', () => {
    expect(qualityChartNotes(version({ labelled: 0, buckets: [] }), 'day')).toEqual([
      'No labelled predictions yet: mark predictions right or wrong to see its live accuracy.',
    ]);
    expect(qualityChartNotes(version({ buckets: [bucket(0, 3, 1, [0, 1])], offline: null }), 'day')).toEqual([
      'All its labels fall in one day: a shorter bucket may show a trend.',
      'Few labels per day (typically 3): the intervals are wide; a longer bucket pools more.',
      'No offline evaluation to compare with.',
    ]);
    expect(
      qualityChartNotes(
        version({ buckets: [bucket(0, 40, 20, [0.3, 0.7]), bucket(1, 50, 20, [0.3, 0.6])] }),
        'hour',
      ),
    ).toEqual([]);
  });

  it('names buckets by their UTC start', () => {
    expect(bucketName(T0 + 13 * HOUR, 'hour')).toBe('2026-01-01 13:00');
    expect(bucketName(T0, 'day')).toBe('2026-01-01');
    expect(bucketName(T0, 'week')).toBe('week of 2026-01-01');
  });
});
