import type { LoadedModel } from './loaded-model.js';

/** How many loaded versions are kept (least recently used go first): a bounded cost per server. */
const DEFAULT_CAPACITY = 32;

/**
 * Loaded model versions by name and version: each is loaded once, concurrent requests share the load, and a
 * failed load is forgotten so that a later request tries again (e.g. once the files are fixed).
 */
export class ModelCache {
  private readonly models = new Map<string, Promise<LoadedModel>>();

  constructor(
    private readonly load: (name: string, version: number) => Promise<LoadedModel>,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  get(name: string, version: number): Promise<LoadedModel> {
    const key = JSON.stringify([name, version]);
    const cached = this.models.get(key);
    if (cached !== undefined) {
      this.models.delete(key);
      this.models.set(key, cached);
      return cached;
    }
    const loading = this.load(name, version);
    loading.catch(() => {
      if (this.models.get(key) === loading) this.models.delete(key);
    });
    this.models.set(key, loading);
    for (const oldest of this.models.keys()) {
      if (this.models.size <= this.capacity) break;
      this.models.delete(oldest);
    }
    return loading;
  }
}
