import type { MetricPoint } from '../../core/metric.js';
import { doubleJson } from './wire.js';

/**
 * The JSON text of a list of `{key, value, timestamp, step, run_id}` for many runs' series, written directly:
 * a bulk chart read returns up to 250,000 points, and building an object per point only to stringify it
 * doubled the response time. Key and run id are escaped once; the text equals JSON.stringify of the objects.
 */
export function metricsWithRunIdJson(
  key: string,
  series: { runId: string; points: MetricPoint[] }[],
): string {
  const parts: string[] = [];
  const quotedKey = JSON.stringify(key);
  for (const { runId, points } of series) {
    const tail = `,"run_id":${JSON.stringify(runId)}}`;
    for (const p of points) {
      const value = JSON.stringify(doubleJson(p.value));
      parts.push(`{"key":${quotedKey},"value":${value},"timestamp":${p.timestamp},"step":${p.step}${tail}`);
    }
  }
  return `[${parts.join(',')}]`;
}
