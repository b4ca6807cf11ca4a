import type { PgBoss } from 'pg-boss';
import type { Ratchet } from '../../sdk/index.js';
import { settleEarlierAttempts } from './earlier-attempts.js';
import { DEAD_RUN_QUEUE, readRunJob } from './run-job.js';

const PAGE = 1000;

/**
 * A job given up on after its worker vanished has no later attempt to end the run it left RUNNING: those
 * runs are ended here, as lost. The dead letters are only read (left for `redrive`); each is looked at once
 * per worker (`seen`), and a look is harmless to repeat.
 */
export async function settleDeadLetters(
  boss: PgBoss,
  client: Ratchet,
  seen: Set<string>,
  note: (text: string) => void,
): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const page = await boss.findJobs(DEAD_RUN_QUEUE, {
      queued: true,
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
    });
    for (const dead of page) {
      if (seen.has(dead.id) || dead.sourceId === null) continue;
      seen.add(dead.id);
      const { plan } = readRunJob(dead.data);
      const { lostRunIds } = await settleEarlierAttempts(client, plan.projectId, dead.sourceId);
      for (const runId of lostRunIds) {
        note(
          `job ${dead.sourceId.slice(0, 8)} was given up on; its run ${runId} was left RUNNING: marked LOST (KILLED).`,
        );
      }
    }
    if (page.length < PAGE) return;
    after = page.at(-1)!.id;
  }
}
