import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/server/services.js';
import { formatDate } from '../../src/tracking/trials/report/format.js';
import { renderReport } from '../../src/tracking/trials/report/render.js';
import { reportDocument } from '../../src/tracking/trials/report/report-document.js';
import { testDatabases } from '../support/databases.js';
import { parseHtml, seedPoints, svgOf, svgTexts, trialDots } from './html.js';

/**
 * The report's progress chart puts trials in trial order, evenly spaced, whenever they ran: trials created
 * seconds apart must not pile up on one vertical line. Each trial shows its mean (the verdict dot) and its
 * per-seed values; the best-so-far line steps at the promoted trial.
 */
for (const database of testDatabases) {
  describe.skipIf(!database.available)(`the report's progress chart on ${database.name}`, () => {
    let services: Services;
    let dispose: () => Promise<void>;
    let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
    const seeds: Record<number, number[]> = {
      1: [0.7, 0.71, 0.69],
      2: [0.8, 0.81, 0.79, 0.805],
      3: [0.6, 0.61],
    };
    const trials: { id: string; number: number; createdTime: number }[] = [];
    let projectId: string;

    beforeAll(async () => {
      const opened = await database.open();
      dispose = opened.dispose;
      const artifactRoot = mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'));
      // Every step two seconds after the last: the old time axis drew all trials on one vertical line.
      services = createServices(opened.store, () => (clock += 2_000), { artifactRoot });
      const project = await services.projects.create({
        name: 'chart',
        primaryMetric: 'acc',
        direction: 'maximize',
      });
      projectId = project.id;
      const hypotheses = ['Keyword rule', 'Naive Bayes', 'Subject line only', 'Not run yet'];
      for (const [i, hypothesis] of hypotheses.entries()) {
        const trial = await services.trials.create({ projectId, hypothesis, params: { rule: `r${i}` } });
        trials.push({ id: trial.id, number: trial.number, createdTime: trial.createdTime });
        for (const [s, acc] of (seeds[trial.number] ?? []).entries()) {
          const run = await services.runs.create({ projectId, trialId: trial.id, seed: s + 1 });
          await services.runs.logBatch(run.info.id, {
            metrics: [{ key: 'acc', value: acc, step: 0, timestamp: 1 }],
            params: {},
            tags: {},
          });
          await services.runs.update(run.info.id, { status: 'FINISHED' });
        }
        if (trial.number <= 2) await services.baselines.promote(trial.id);
      }
    });
    afterAll(() => dispose?.());

    async function chart() {
      const html = renderReport(reportDocument(await services.record.report(projectId)), 'html');
      return svgOf(parseHtml(html));
    }

    it('spaces the trials evenly by trial number, labelled #1, #2, … with their creation time in the tooltip', async () => {
      expect(trials.map((t) => t.number)).toEqual([1, 2, 3, 4]);
      expect(trials[3]!.createdTime - trials[0]!.createdTime).toBeLessThan(5 * 60_000);
      const svg = await chart();
      const dots = trialDots(svg);
      const xs = trials.map((t) => dots.find((d) => d.trialId === t.id)!.cx);
      const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
      expect(gaps.every((gap) => gap > 50)).toBe(true);
      expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(0.2);
      expect(svgTexts(svg)).toEqual(expect.arrayContaining(['#1', '#2', '#3', '#4']));
      for (const trial of trials) {
        expect(dots.find((d) => d.trialId === trial.id)!.title).toContain(
          `created ${formatDate(trial.createdTime)}`,
        );
      }
    });

    it('draws every seed of a trial as a small point beside its mean, and the mean as the verdict dot', async () => {
      const svg = await chart();
      const dots = trialDots(svg);
      const points = seedPoints(svg);
      const slot = dots[1]!.cx - dots[0]!.cx;
      for (const trial of trials) {
        const dot = dots.find((d) => d.trialId === trial.id)!;
        const own = points.filter((p) => p.trialId === trial.id);
        const values = seeds[trial.number] ?? [];
        expect(own).toHaveLength(values.length);
        expect(own.every((p) => Math.abs(p.cx - dot.cx) < slot / 2)).toBe(true);
        // Higher accuracy is higher up: the seeds' heights are in the order of their values.
        const byHeight = [...own].sort((a, b) => a.cy - b.cy).map((p) => p.title);
        const byValue = values
          .map((value, i) => ({ value, seed: i + 1 }))
          .sort((a, b) => b.value - a.value)
          .map(({ value, seed }) => `#${trial.number} seed ${seed}: ${value}`);
        expect(byHeight).toEqual(byValue);
        if (values.length > 0) {
          const highest = Math.min(...own.map((p) => p.cy));
          const lowest = Math.max(...own.map((p) => p.cy));
          expect(dot.cy).toBeGreaterThan(highest);
          expect(dot.cy).toBeLessThan(lowest);
        }
      }
      expect(dots.find((d) => d.trialId === trials[1]!.id)).toMatchObject({ outcome: 'improved' });
      expect(dots.find((d) => d.trialId === trials[2]!.id)).toMatchObject({ outcome: 'worse' });
    });

    it('steps the best-so-far line at the promoted trial, to its mean', async () => {
      const svg = await chart();
      const dots = trialDots(svg);
      const [first, second] = [0, 1].map((i) => dots.find((d) => d.trialId === trials[i]!.id)!);
      const d = svg.paths.find((p) => p.className === 'best-so-far')?.d;
      const match = /^M([\d.]+) ([\d.]+) H([\d.]+) V([\d.]+) H([\d.]+)$/.exec(d ?? '');
      expect(match, d).not.toBeNull();
      const [x1, y1, x2, y2, end] = match!.slice(1).map(Number);
      expect([x1, y1, x2, y2]).toEqual([first!.cx, first!.cy, second!.cx, second!.cy]);
      expect(end).toBeGreaterThan(Math.max(...dots.map((dot) => dot.cx)));
    });

    it('steps where the line already is when an earlier trial is promoted again: it never runs back', async () => {
      await services.baselines.promote(trials[0]!.id, { force: true, reason: 'simpler to run' });
      const svg = await chart();
      const dots = trialDots(svg);
      const [first, second] = [0, 1].map((i) => dots.find((d) => d.trialId === trials[i]!.id)!);
      const d = svg.paths.find((p) => p.className === 'best-so-far')?.d;
      expect(d).toBe(
        `M${first!.cx} ${first!.cy} H${second!.cx} V${second!.cy} H${second!.cx} V${first!.cy} H740`,
      );
    });
  });
}
