import { api } from '../../../src/contract/index.js';

/** Whether a project's change stream is connected. */
export type LiveState = 'live' | 'offline';

/** The part of `EventSource` used here (a fake one in tests). */
export interface EventStream {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface ProjectEventsOptions {
  /** `/api/v1/projects/<id>/events` ({@link projectEventsUrl}) */
  url: string;
  /** Called when the project's revision moves on (not for the first revision the stream reports). */
  onChange: () => void;
  onState: (state: LiveState) => void;
  open?: (url: string) => EventStream;
  /** Wait before reconnecting after the server closed the stream. */
  retryMs?: number;
}

const CLOSED = 2;

/** The route's declaration: its path, the event's name (`change`) and its data's schema (`{ revision }`). */
const route = api.projects.events;

export function projectEventsUrl(projectId: string): string {
  return route.path.replace('{id}', encodeURIComponent(projectId));
}

/**
 * Follows a project's Server-Sent Events (`GET /api/v1/projects/{id}/events`: `event: change`,
 * `data: {"revision": "…"}` at once and on every change, keep-alive comments between): says when it is live,
 * and calls `onChange` whenever the revision differs from the last one seen. The browser reconnects a
 * dropped stream itself; a stream the server refused is retried after `retryMs`. Returns the unsubscribe.
 */
export function subscribeProjectEvents(options: ProjectEventsOptions): () => void {
  const open = options.open ?? ((url: string) => new EventSource(url));
  const retryMs = options.retryMs ?? 5_000;
  let revision: string | null = null;
  let stream: EventStream | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const connect = () => {
    stream = open(options.url);
    stream.addEventListener('open', () => options.onState('live'));
    stream.addEventListener(route.response.event, (event) => {
      options.onState('live');
      const next = revisionOf(event.data);
      if (revision !== null && next !== revision) options.onChange();
      revision = next;
    });
    stream.addEventListener('error', () => {
      options.onState('offline');
      if (stream?.readyState !== CLOSED || stopped) return;
      stream = null;
      retry = setTimeout(connect, retryMs);
    });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    stream?.close();
    options.onState('offline');
  };
}

/** The event's revision; data the contract does not describe counts as a revision of its own. */
function revisionOf(data: string): string {
  try {
    const parsed = route.response.schema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data.revision : data;
  } catch {
    return data;
  }
}
