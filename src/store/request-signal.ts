import { AsyncLocalStorage } from 'node:async_hooks';
import { RatchetError } from '../core/errors.js';

const current = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs `work` as serving a request whose signal aborts when its client goes away. The store's drivers read
 * it to stop that request's database work, so no service signature has to carry a signal.
 */
export function withRequestSignal<T>(signal: AbortSignal, work: () => T): T {
  return current.run(signal, work);
}

/** The signal of the request the calling code serves, if it serves one. */
export function requestSignal(): AbortSignal | undefined {
  return current.getStore();
}

/** What a store call of an abandoned request throws; nobody reads the answer, so it stays out of the log. */
export const clientGone = () =>
  new RatchetError(
    'TEMPORARILY_UNAVAILABLE',
    'The client closed the connection before the answer; its database work was cancelled.',
  );
