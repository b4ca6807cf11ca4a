import type { api, RequestInput } from '../contract/index.js';
import { nonFiniteName } from '../core/non-finite.js';

/** One key's points in the native API's columnar form (non-finite values as null plus `non_finite`). */
type SeriesBody = NonNullable<RequestInput<typeof api.runs.logBatch>['body']['series']>[number];
export type WireSeries = SeriesBody & { timestamps: number[] };

/** Logged points, gathered per key in columns until the next batch is cut. */
export class SeriesBuffer {
  private byKey = new Map<string, WireSeries>();
  points = 0;

  add(key: string, step: number, timestamp: number, value: number): void {
    let series = this.byKey.get(key);
    if (series === undefined) {
      series = { key, steps: [], timestamps: [], values: [] };
      this.byKey.set(key, series);
    }
    const special = nonFiniteName(value);
    if (special !== undefined) {
      series.non_finite ??= {};
      series.non_finite[series.values.length] = special;
    }
    series.steps.push(step);
    series.timestamps.push(timestamp);
    series.values.push(special === undefined ? value : null);
    this.points++;
  }

  take(): WireSeries[] {
    const out = [...this.byKey.values()];
    this.byKey = new Map();
    this.points = 0;
    return out;
  }
}
