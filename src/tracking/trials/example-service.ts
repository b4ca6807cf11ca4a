import type { ExampleResults } from '../../core/example-results.js';
import type { Store } from '../../store/store.js';

/** Per-example results runs logged (example id → right/wrong or a number), which trials compare example by example. */
export class ExampleService {
  constructor(private readonly store: Store) {}

  /** Adds or overwrites results of one run. */
  record(runId: string, results: ExampleResults): Promise<void> {
    return this.store.examples.record(runId, results);
  }
}
