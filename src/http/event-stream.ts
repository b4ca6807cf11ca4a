export interface PollingStreamOptions {
  /** How often `poll` runs. */
  pollMs: number;
  /** A comment is sent after this long without anything else, so proxies keep the connection open. */
  keepAliveMs: number;
  /** Aborted when the client goes away: polling stops. */
  signal: AbortSignal;
}

const encoder = new TextEncoder();

/**
 * A Server-Sent Events response that polls `poll` and sends `event` with its value as JSON data whenever
 * the value's JSON differs from the last sent (the first at once). Polling stops when the client
 * disconnects; a failing poll ends the stream (an EventSource then reconnects).
 */
export function pollingEventStream<T>(event: string, poll: () => Promise<T>, options: PollingStreamOptions) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let last: string | undefined;
      let lastSentAt = Date.now();
      const send = (text: string) => {
        controller.enqueue(encoder.encode(text));
        lastSentAt = Date.now();
      };
      const tick = async () => {
        if (stopped) return;
        try {
          const data = JSON.stringify(await poll());
          if (stopped) return;
          if (data !== last) send(`event: ${event}\ndata: ${data}\n\n`);
          else if (Date.now() - lastSentAt >= options.keepAliveMs) send(': keep-alive\n\n');
          last = data;
          timer = setTimeout(tick, options.pollMs);
        } catch (error) {
          stop();
          if (!options.signal.aborted) controller.error(error);
        }
      };
      options.signal.addEventListener('abort', () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed by a failed poll or cancelled by the reader
        }
      });
      void tick();
    },
    cancel: stop,
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
    },
  });
}
