import type { Ratchet } from '../sdk/index.js';

/** Trial id → number, so lines can say "#2" instead of a 32-character id. */
export async function trialNumbers(client: Ratchet, projectId: string): Promise<Map<string, number>> {
  return new Map((await client.trials.list({ id: projectId })).map((t) => [t.id, t.number]));
}
