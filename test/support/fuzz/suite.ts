import { afterAll, beforeAll } from 'vitest';
import type { TestDatabase } from '../databases.js';
import { type Seeded, seed } from './seed.js';
import { type FuzzTarget, startFuzzTarget } from './target.js';

/**
 * A seeded fuzz target for one describe block (started before its tests, stopped after); read `target` and
 * `seeded` inside tests, once beforeAll has run.
 */
export function fuzzTargetForSuite(database: TestDatabase): {
  readonly target: FuzzTarget;
  readonly seeded: Seeded;
} {
  let target: FuzzTarget | undefined;
  let seeded: Seeded | undefined;
  beforeAll(async () => {
    target = await startFuzzTarget(database);
    seeded = await seed(target);
  });
  afterAll(() => target?.close());
  return {
    get target() {
      return target!;
    },
    get seeded() {
      return seeded!;
    },
  };
}
