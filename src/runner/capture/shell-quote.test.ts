import { describe, expect, it } from 'vitest';
import { shellQuote } from './shell-quote.js';

describe('shellQuote', () => {
  it('leaves plain arguments bare and quotes the rest so a shell gives back the same argv', () => {
    expect(shellQuote(['python', 'train.py', '--lr=0.1', 'data/x.csv'])).toBe(
      'python train.py --lr=0.1 data/x.csv',
    );
    expect(shellQuote(['echo', 'two words', "it's", '', '$HOME'])).toBe(
      `echo 'two words' 'it'\\''s' '' '$HOME'`,
    );
  });
});
