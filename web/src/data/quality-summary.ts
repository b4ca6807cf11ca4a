import { formatNumber } from '../../../src/core/format.js';
import type { QualityReport } from '../../../src/sdk/index.js';
import { formatInterval, plural } from './format.js';

/** One row of the live-quality table: a version's live accuracy against its offline evaluation, as text. */
export interface VersionQualityRow {
  version: number;
  /** "v2 (production, candidate)". */
  name: string;
  live: string;
  offline: string;
  labelled: string;
  alert: boolean;
}

type VersionQuality = QualityReport['versions'][number];

export function versionName(version: Pick<VersionQuality, 'version' | 'aliases'>): string {
  return version.aliases.length === 0
    ? `v${version.version}`
    : `v${version.version} (${version.aliases.join(', ')})`;
}

/** Versions as the page lists them: the newest first. */
export function newestFirst(report: QualityReport): VersionQuality[] {
  return [...report.versions].sort((a, b) => b.version - a.version);
}

export function qualityRows(report: QualityReport): VersionQualityRow[] {
  return newestFirst(report).map((v) => ({
    version: v.version,
    name: versionName(v),
    live: v.labelled === 0 ? 'no labels yet' : accuracyEstimate(v.accuracy, v.ci),
    offline:
      v.offline === null ? 'none' : `${accuracyEstimate(v.offline.mean, v.offline.ci)} (${v.offline.metric})`,
    labelled: `${plural(v.labelled, 'label')}, ${v.correct} right`,
    alert: v.alert,
  }));
}

/** The banner's sentence, or null when no version's live accuracy is below its offline interval. */
export function qualityAlert(report: QualityReport): string | null {
  const alerting = report.versions.filter((v) => v.alert).sort((a, b) => a.version - b.version);
  if (alerting.length === 0) return null;
  const names = alerting.map(versionName).join(', ');
  return `Live accuracy of ${names} is below ${alerting.length === 1 ? 'its' : 'their'} offline confidence interval.`;
}

/** "0.6, 95% CI [0.45, 0.74]": binomial intervals are not symmetric, so both bounds rather than ±. */
export function accuracyEstimate(mean: number, ci: readonly [number, number]): string {
  return `${formatNumber(mean)}, ${formatInterval([proportion(ci[0]), proportion(ci[1])])}`;
}

/** A bound the interval's numerics left a rounding error away from 0 or 1 (2.8e-17) reads as 0 or 1. */
function proportion(value: number): number {
  if (Math.abs(value) < 1e-12) return 0;
  return Math.abs(1 - value) < 1e-12 ? 1 : value;
}
