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

export function qualityRows(report: QualityReport): VersionQualityRow[] {
  return [...report.versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => ({
      version: v.version,
      name: versionName(v),
      live: v.labelled === 0 ? 'no labels yet' : estimate(v.accuracy, v.ci),
      offline:
        v.offline === null ? 'none' : `${estimate(v.offline.mean, v.offline.ci)} (${v.offline.metric})`,
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
function estimate(mean: number, ci: readonly [number, number]): string {
  return `${formatNumber(mean)}, ${formatInterval(ci)}`;
}
