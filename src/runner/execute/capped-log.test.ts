import { describe, expect, it } from 'vitest';
import { CappedLog } from './capped-log.js';

describe('a capped log', () => {
  it('keeps everything while it fits', () => {
    const log = new CappedLog(4, 8);
    log.write(Buffer.from('abc'));
    log.write(Buffer.from('defg'));
    expect(Buffer.from(log.contents()).toString()).toBe('abcdefg');
  });

  it('keeps the head and the tail and counts what it left out', () => {
    const log = new CappedLog(4, 6);
    for (const chunk of ['head', '-middle-', 'and-the-tail']) log.write(Buffer.from(chunk));
    expect(Buffer.from(log.contents()).toString()).toBe(
      'head\n… 14 bytes left out by the runner …\n e-tail'.replace(' e-tail', 'e-tail'),
    );
  });
});
