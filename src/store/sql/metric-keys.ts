import type { SqlDriver } from '../driver.js';
import { selectIn } from './rows.js';

/**
 * Metric names are stored once and referred to by integer id in the hot tables. An id never changes once
 * assigned, so the map is safe to cache in a server that shares the database with others.
 */
export class MetricKeyDictionary {
  private readonly ids = new Map<string, number>();

  constructor(private readonly db: SqlDriver) {}

  /** Ids for these names, creating the missing ones (each creation commits on its own). */
  async resolve(names: Iterable<string>): Promise<Map<string, number>> {
    const missing = [...new Set(names)].filter((name) => !this.ids.has(name));
    if (missing.length > 0) {
      for (const name of missing) {
        await this.db.run('INSERT INTO metric_keys (name) VALUES (?) ON CONFLICT (name) DO NOTHING', [name]);
      }
      await this.load(missing);
    }
    return this.ids;
  }

  /** The id of an existing name, or undefined when no run ever logged it. */
  async find(name: string): Promise<number | undefined> {
    if (!this.ids.has(name)) await this.load([name]);
    return this.ids.get(name);
  }

  private async load(names: string[]): Promise<void> {
    const rows = await selectIn<{ id: number; name: string }>(
      this.db,
      (list) => `SELECT id, name FROM metric_keys WHERE name IN (${list})`,
      names,
    );
    for (const row of rows) this.ids.set(row.name, row.id);
  }
}
