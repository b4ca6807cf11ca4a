import { describe, expect, it } from 'vitest';
import { readEventStream } from './event-stream.js';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('readEventStream', () => {
  it('reads named events split anywhere across chunks, skipping comments', async () => {
    const events = [];
    for await (const e of readEventStream(
      streamOf(
        'event: chan',
        'ge\ndata: {"revision"',
        ':"a"}\n\n: keep-alive\n\r\n',
        'data: x\ndata: y\r\n\r\n',
      ),
    )) {
      events.push(e);
    }
    expect(events).toEqual([
      { event: 'change', data: '{"revision":"a"}' },
      { event: 'message', data: 'x\ny' },
    ]);
  });

  it('drops an event the stream ended in the middle of', async () => {
    const events = [];
    for await (const e of readEventStream(streamOf('event: change\ndata: 1'))) events.push(e);
    expect(events).toEqual([]);
  });
});
