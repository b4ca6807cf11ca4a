import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RatchetError } from '../../core/errors.js';
import { parseDataInput, parseDataInputs } from './data-input.js';

const cwd = mkdtempSync(join(tmpdir(), 'ratchet-data-input-'));
mkdirSync(join(cwd, 'data'));
writeFileSync(join(cwd, 'data', 'train.csv'), 'a,b\n1,2\n');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function refusal(work: () => unknown): RatchetError {
  try {
    work();
  } catch (error) {
    if (error instanceof RatchetError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseDataInput', () => {
  it('takes the name before = and resolves the path against cwd', () => {
    expect(parseDataInput('train=data/train.csv', cwd)).toEqual({
      name: 'train',
      path: join(cwd, 'data', 'train.csv'),
    });
  });

  it('names a bare path after its last segment, for a file and a folder', () => {
    expect(parseDataInput('data/train.csv', cwd)).toEqual({
      name: 'train.csv',
      path: join(cwd, 'data', 'train.csv'),
    });
    expect(parseDataInput('data/', cwd)).toEqual({ name: 'data', path: join(cwd, 'data') });
  });

  it('refuses a path that does not exist, in one line naming it', () => {
    const error = refusal(() => parseDataInput('train=data/missing.csv', cwd));
    expect(error.code).toBe('INVALID_PARAMETER_VALUE');
    expect(error.message).toContain('data/missing.csv');
    expect(error.message).not.toContain('\n');
  });

  it('refuses a name with no path, and a file name that cannot be a tag key', () => {
    expect(refusal(() => parseDataInput('train=', cwd)).message).toContain('no path');
    writeFileSync(join(cwd, 'odd+name.csv'), '');
    expect(refusal(() => parseDataInput('odd+name.csv', cwd)).message).toContain('name=path');
    expect(parseDataInput('odd=odd+name.csv', cwd).name).toBe('odd');
  });
});

describe('parseDataInputs', () => {
  it('refuses two inputs of one name', () => {
    const error = refusal(() => parseDataInputs(['data/train.csv', 'train.csv=data'], cwd));
    expect(error.message).toContain("'train.csv'");
  });
});
