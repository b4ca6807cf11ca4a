import type { Promotion, Ratchet } from '../../sdk/index.js';
import type { RunOutcome } from '../plan.js';
import type { TrialArm } from './trial-arm.js';

/**
 * A first baseline is promoted once one of its runs finished (it has nothing to beat, so no verdict is
 * needed); a trial whose every run failed measures nothing and is left as it is.
 */
export async function promoteFirstBaseline(
  client: Ratchet,
  arm: TrialArm,
  outcomes: readonly RunOutcome[],
): Promise<Promotion | null> {
  if (!outcomes.some((o) => o.status === 'FINISHED')) return null;
  return client.projects.promote({ id: arm.projectId }, arm.trial.id);
}
