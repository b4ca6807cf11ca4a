import { describe, expect, it } from 'vitest';
import type { LoadedModel } from './loaded-model.js';
import { ModelCache } from './model-cache.js';

const model: LoadedModel = { signature: undefined, predict: (inputs) => inputs };

describe('ModelCache', () => {
  it('loads each version once, also when requests arrive together', async () => {
    const loads: string[] = [];
    const cache = new ModelCache(async (name, version) => {
      loads.push(`${name}/${version}`);
      return model;
    });
    await Promise.all([cache.get('m', 1), cache.get('m', 1), cache.get('m', 2)]);
    await cache.get('m', 1);
    expect(loads).toEqual(['m/1', 'm/2']);
  });

  it('forgets a failed load, so a later request tries again', async () => {
    let attempts = 0;
    const cache = new ModelCache(async () => {
      attempts++;
      if (attempts === 1) throw new Error('not yet');
      return model;
    });
    await expect(cache.get('m', 1)).rejects.toThrow('not yet');
    await expect(cache.get('m', 1)).resolves.toBe(model);
  });

  it('keeps at most its capacity, dropping the least recently used', async () => {
    const loads: number[] = [];
    const cache = new ModelCache(async (_name, version) => {
      loads.push(version);
      return model;
    }, 2);
    await cache.get('m', 1);
    await cache.get('m', 2);
    await cache.get('m', 1);
    await cache.get('m', 3); // drops version 2, used least recently
    await cache.get('m', 1);
    await cache.get('m', 2);
    expect(loads).toEqual([1, 2, 3, 2]);
  });
});
