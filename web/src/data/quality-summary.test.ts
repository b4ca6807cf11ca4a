import { describe, expect, it } from 'vitest';
import type { QualityReport } from '../../../src/sdk/index.js';
import { qualityAlert, qualityRows } from './quality-summary.js';

type Version = QualityReport['versions'][number];

const version = (over: Partial<Version>): Version => ({
  version: 1,
  aliases: [],
  labelled: 40,
  correct: 24,
  accuracy: 0.6,
  ci: [0.45, 0.74],
  buckets: [],
  offline: { metric: 'acc', mean: 0.9, ci: [0.88, 0.92], runs: 5 },
  alert: false,
  ...over,
});

describe('live quality per version', () => {
  it('lists the newest version first with its aliases, live accuracy and offline estimate', () => {
    const rows = qualityRows({
      model: 'm',
      versions: [version({}), version({ version: 2, aliases: ['production'], offline: null })],
    });
    expect(rows.map((r) => r.name)).toEqual(['v2 (production)', 'v1']);
    expect(rows[1]).toMatchObject({
      live: '0.6, 95% CI [0.45, 0.74]',
      labelled: '40 labels, 24 right',
      alert: false,
    });
    expect(rows[1]!.offline).toMatch(/^0\.9, 95% CI \[0\.88, 0\.92\] \(acc\)$/);
    expect(rows[0]!.offline).toBe('none');
  });

  it('says so when nothing is labelled instead of printing NaN', () => {
    const [row] = qualityRows({
      model: 'm',
      versions: [version({ labelled: 0, correct: 0, accuracy: Number.NaN, ci: [Number.NaN, Number.NaN] })],
    });
    expect(row!.live).toBe('no labels yet');
  });

  it('raises the banner only for versions whose alert is set, naming them', () => {
    expect(qualityAlert({ model: 'm', versions: [version({})] })).toBeNull();
    const text = qualityAlert({
      model: 'm',
      versions: [version({ version: 3, alert: true, aliases: ['production'] }), version({ alert: true })],
    });
    expect(text).toBe('Live accuracy of v1, v3 (production) is below their offline confidence interval.');
  });
});
