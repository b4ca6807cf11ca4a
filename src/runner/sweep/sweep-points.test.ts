import { describe, expect, it } from 'vitest';
import { parseSearchSpace } from './parse-search-space.js';
import { sweepPoints } from './sweep-points.js';

const grid = parseSearchSpace({ grid: ['lr=0.1,0.01', 'dropout=0,0.5'] });

describe('sweepPoints', () => {
  it('tries every combination of a grid, the first axis slowest', () => {
    expect(sweepPoints(grid, { seed: 1 })).toEqual({
      points: [
        { lr: '0.1', dropout: '0' },
        { lr: '0.1', dropout: '0.5' },
        { lr: '0.01', dropout: '0' },
        { lr: '0.01', dropout: '0.5' },
      ],
      duplicates: 0,
    });
  });

  it('draws fewer grid points without replacement when asked, and refuses more than there are', () => {
    const { points } = sweepPoints(grid, { trials: 2, seed: 7 });
    expect(points).toHaveLength(2);
    expect(new Set(points.map((p) => JSON.stringify(p))).size).toBe(2);
    expect(() => sweepPoints(grid, { trials: 5, seed: 7 })).toThrow(
      '--trials 5: the grid has only 4 points.',
    );
    expect(() => sweepPoints(grid, { trials: 0, seed: 7 })).toThrow(/at least 1/);
  });

  it('covers the grid evenly under random draws, within the bounds, the same for the same seed', () => {
    const space = parseSearchSpace({
      grid: ['lr=0.1,0.01', 'dropout=0,0.5'],
      random: ['wd=loguniform(1e-5,1e-2)', 'layers=int(2,4)'],
    });
    const a = sweepPoints(space, { trials: 20, seed: 42 });
    expect(a.points).toHaveLength(20);
    const perGridPoint = new Map<string, number>();
    for (const p of a.points) {
      const key = `${p.lr}/${p.dropout}`;
      perGridPoint.set(key, (perGridPoint.get(key) ?? 0) + 1);
      expect(Number(p.wd)).toBeGreaterThanOrEqual(1e-5);
      expect(Number(p.wd)).toBeLessThanOrEqual(1e-2);
      expect(['2', '3', '4']).toContain(p.layers);
    }
    expect([...perGridPoint.values()]).toEqual([5, 5, 5, 5]);
    expect(sweepPoints(space, { trials: 20, seed: 42 })).toEqual(a);
    expect(sweepPoints(space, { trials: 20, seed: 43 })).not.toEqual(a);
  });

  it('spreads loguniform draws over the decades', () => {
    const space = parseSearchSpace({ random: ['wd=loguniform(1e-6,1e-2)'] });
    const decades = sweepPoints(space, { trials: 400, seed: 3 }).points.map((p) =>
      Math.floor(Math.log10(Number(p.wd))),
    );
    for (const decade of [-6, -5, -4, -3]) {
      const share = decades.filter((d) => d === decade).length / decades.length;
      expect(share, `1e${decade}`).toBeGreaterThan(0.15);
      expect(share, `1e${decade}`).toBeLessThan(0.35);
    }
  });

  it('drops repeated draws of discrete axes, and needs --trials with random axes', () => {
    const space = parseSearchSpace({ random: ['act=choice(relu,gelu)'] });
    const { points, duplicates } = sweepPoints(space, { trials: 10, seed: 1 });
    expect(points.map((p) => p.act).sort()).toEqual(['gelu', 'relu']);
    expect(duplicates).toBe(8);
    expect(() => sweepPoints(space, { seed: 1 })).toThrow('--random needs --trials N');
  });
});
