import { invalidParameter } from '../../core/errors.js';

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * The PostgreSQL database pg-boss keeps the queue in: `--queue-url`, else $RATCHET_QUEUE_URL, else the store
 * when it is a PostgreSQL one (the queue then sits beside Ratchet's tables, in pg-boss's own schema).
 */
export function resolveQueueUrl(
  options: { queueUrl?: string | undefined; store?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): string {
  const explicit = options.queueUrl ?? nonEmpty(env.RATCHET_QUEUE_URL);
  if (explicit !== undefined) {
    if (!POSTGRES_URL.test(explicit))
      throw invalidParameter(`The queue URL must be postgres://… (got ${explicit}).`);
    return explicit;
  }
  const store = options.store ?? nonEmpty(env.RATCHET_STORE);
  if (store !== undefined && POSTGRES_URL.test(store)) return store;
  throw invalidParameter(
    'The queue needs PostgreSQL: pass --queue-url postgres://…, set RATCHET_QUEUE_URL, or use a postgres:// --store.',
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
