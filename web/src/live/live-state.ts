import { useSyncExternalStore } from 'react';
import type { LiveState } from './project-events.js';

/** The one live state the top bar shows: whether the open project's change stream is connected. */
let state: LiveState = 'offline';
const listeners = new Set<() => void>();

export function setLiveState(next: LiveState) {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

export function useLiveState(): LiveState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
