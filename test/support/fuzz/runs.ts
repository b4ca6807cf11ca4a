import fc from 'fast-check';
import { expect } from 'vitest';
import type { FuzzTarget } from './target.js';

/**
 * How many requests a fuzz property sends: `base` in CI; RATCHET_FUZZ_RUNS multiplies it for a longer hunt
 * (e.g. RATCHET_FUZZ_RUNS=20). RATCHET_FUZZ_SEED replays a failure's seed (fast-check prints it).
 */
export function fuzzOptions(base: number): fc.Parameters<unknown> {
  const factor = Number(process.env.RATCHET_FUZZ_RUNS ?? 1);
  const seed = process.env.RATCHET_FUZZ_SEED;
  return {
    numRuns: Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1))),
    ...(seed === undefined ? {} : { seed: Number(seed) }),
  };
}

/**
 * Sends every request `requests` generates (runs × `base`) and checks each is refused, then that the server
 * lives and nothing it stores changed.
 */
export async function assertAllRefused(
  target: FuzzTarget,
  requests: fc.Arbitrary<Parameters<FuzzTarget['refuses']>[0]>,
  base: number,
): Promise<void> {
  const before = await target.snapshot();
  await fc.assert(
    fc.asyncProperty(requests, (request) => target.refuses(request)),
    fuzzOptions(base),
  );
  await target.assertAlive();
  expect(await target.snapshot()).toEqual(before);
}
