import type { Hono } from 'hono';
import type { ErrorCode } from '../../core/errors.js';
import { mebibytes } from '../../core/mebibytes.js';
import { errorResponse } from '../errors.js';
import { Capacity } from './capacity.js';
import { type AdmissionOptions, resolveAdmission } from './options.js';
import { bufferedBytesOf, classify } from './request-classes.js';
import { Slots } from './slots.js';

export type { AdmissionOptions } from './options.js';

/** Seconds a refused client is asked to wait: in-flight work on this server finishes within moments. */
const RETRY_AFTER_SECONDS = 1;
/** How long a heavy request waits for a slot, and how many may wait per slot, before 429. */
const HEAVY_QUEUE_WAIT_MS = 5_000;
const HEAVY_QUEUE_PER_SLOT = 16;

/**
 * Admission control, before any route reads a body: a request that would take the bytes held by requests in
 * flight past the cap gets 503 TEMPORARILY_UNAVAILABLE; a heavy request beyond the concurrent-heavy cap waits
 * its turn (up to 5 s, at most 16 waiting per slot), then gets 429 RESOURCE_EXHAUSTED. Both carry Retry-After,
 * and nothing of theirs is processed.
 */
export function mountAdmission(app: Hono, options?: AdmissionOptions): void {
  const limits = resolveAdmission(options);
  const bytes = new Capacity(limits.maxInflightBytes);
  const heavy = new Slots(limits.maxConcurrentHeavy, limits.maxConcurrentHeavy * HEAVY_QUEUE_PER_SLOT);
  app.use(async (c, next) => {
    const requestClass = classify(c.req.method, c.req.path);
    if (requestClass.heavy && !(await heavy.acquire(HEAVY_QUEUE_WAIT_MS))) {
      return refusal(
        'RESOURCE_EXHAUSTED',
        `Too many heavy requests in flight (the limit is ${limits.maxConcurrentHeavy}, --max-concurrent-heavy); retry later.`,
      );
    }
    const size = bufferedBytesOf(c.req.raw, requestClass);
    if (!bytes.tryTake(size)) {
      if (requestClass.heavy) heavy.release();
      return refusal(
        'TEMPORARILY_UNAVAILABLE',
        `Too many request bytes in flight (the limit is ${mebibytes(limits.maxInflightBytes)} MiB, --max-inflight-mb); retry later.`,
      );
    }
    try {
      await next();
    } finally {
      bytes.give(size);
      if (requestClass.heavy) heavy.release();
    }
  });
}

function refusal(code: ErrorCode, message: string): Response {
  const response = errorResponse(code, message);
  response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
  return response;
}
