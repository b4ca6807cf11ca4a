import './live.css';
import { useLiveState } from './live-state.js';

/** The top bar's dot: "live" while the open project's changes stream in, "offline" otherwise. */
export function LiveIndicator() {
  const state = useLiveState();
  return (
    <span
      className={`live-indicator live-${state}`}
      data-testid="live-indicator"
      data-state={state}
      title={state === 'live' ? 'Updates as runs log' : 'Not receiving updates'}
    >
      <span className="live-dot" aria-hidden="true" />
      {state}
    </span>
  );
}
