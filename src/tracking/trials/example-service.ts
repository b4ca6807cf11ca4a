import type { Store } from '../../store/store.js';

/** Per-example correctness runs logged (example id → correct), which trials compare with McNemar's test. */
export class ExampleService {
  constructor(private readonly store: Store) {}

  /** Adds or overwrites results of one run. */
  record(runId: string, results: ReadonlyMap<string, boolean>): Promise<void> {
    return this.store.examples.record(runId, results);
  }
}
