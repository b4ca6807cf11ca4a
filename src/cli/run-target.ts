import type { Ratchet } from '../sdk/index.js';
import type { TargetOptions } from './target.js';

/** A target the runner's children can reach over HTTP too: an embedded store is served on loopback meanwhile. */
export async function withRunnerTarget<T>(
  _options: TargetOptions,
  _work: (target: { client: Ratchet; trackingUri: string }) => Promise<T>,
): Promise<T> {
  throw new Error('not yet');
}
