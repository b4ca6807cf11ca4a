import { describe, expect, it } from 'vitest';
import { splitCommandLine } from './command-line.js';

describe('splitCommandLine', () => {
  it('splits on whitespace and keeps placeholders', () => {
    expect(splitCommandLine('  python train.py --lr {lr}\t--seed {seed} ')).toEqual([
      'python',
      'train.py',
      '--lr',
      '{lr}',
      '--seed',
      '{seed}',
    ]);
  });

  it('reads quotes and escapes as a shell does', () => {
    expect(splitCommandLine(`node -e 'console.log("a b")' "x \\"y\\" \\n" a\\ b ''`)).toEqual([
      'node',
      '-e',
      'console.log("a b")',
      'x "y" \\n',
      'a b',
      '',
    ]);
    expect(splitCommandLine('--name="{lr} run"x')).toEqual(['--name={lr} runx']);
  });

  it('refuses an unterminated quote', () => {
    expect(() => splitCommandLine(`echo 'oops`)).toThrow(/unterminated ' quote/);
  });
});
