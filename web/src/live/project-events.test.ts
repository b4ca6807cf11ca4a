import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type EventStream,
  type LiveState,
  projectEventsUrl,
  subscribeProjectEvents,
} from './project-events.js';

class FakeStream implements EventStream {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data = '') {
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent<string>);
  }
  close() {
    this.closed = true;
  }
}

function subscribe() {
  const streams: FakeStream[] = [];
  const states: LiveState[] = [];
  const onChange = vi.fn();
  const stop = subscribeProjectEvents({
    url: '/api/v1/projects/1/events',
    onChange,
    onState: (s) => states.push(s),
    open: () => {
      streams.push(new FakeStream());
      return streams.at(-1)!;
    },
    retryMs: 1000,
  });
  return { streams, states, onChange, stop };
}

afterEach(() => vi.useRealTimers());

describe('subscribeProjectEvents', () => {
  it('is live once connected and calls onChange only when the revision moves on', () => {
    const { streams, states, onChange } = subscribe();
    streams[0]!.emit('open');
    streams[0]!.emit('change', '{"revision":"a"}');
    streams[0]!.emit('change', '{"revision":"a"}');
    expect(onChange).not.toHaveBeenCalled();
    streams[0]!.emit('change', '{"revision":"b"}');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(states.at(-1)).toBe('live');
  });

  it('follows the route the server declares', () => {
    expect(projectEventsUrl('p 1')).toBe('/api/v1/projects/p%201/events');
  });

  it('goes offline on an error, and reconnects a stream the server closed', () => {
    vi.useFakeTimers();
    const { streams, states } = subscribe();
    streams[0]!.readyState = 2;
    streams[0]!.emit('error');
    expect(states.at(-1)).toBe('offline');
    vi.advanceTimersByTime(1000);
    expect(streams).toHaveLength(2);
  });

  it('closes the stream and stops retrying when unsubscribed', () => {
    vi.useFakeTimers();
    const { streams, stop } = subscribe();
    streams[0]!.readyState = 2;
    streams[0]!.emit('error');
    stop();
    vi.advanceTimersByTime(5000);
    expect(streams).toHaveLength(1);
  });
});
