import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintData } from './fingerprint.js';

const root = mkdtempSync(join(tmpdir(), 'ratchet-fingerprint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir: string;
let n = 0;
beforeEach(() => {
  dir = join(root, String(n++));
  mkdirSync(dir);
});

describe('fingerprintData of a file', () => {
  it('is the sha256 of its bytes, stable, and changes when one byte does', async () => {
    const file = join(dir, 'train.csv');
    writeFileSync(file, 'x,y\n1,2\n');
    const first = await fingerprintData(file);
    expect(first).toBe(`sha256:${createHash('sha256').update('x,y\n1,2\n').digest('hex')}`);
    expect(await fingerprintData(file)).toBe(first);
    writeFileSync(file, 'x,y\n1,3\n');
    expect(await fingerprintData(file)).not.toBe(first);
  });

  it('streams a file larger than its read chunk', async () => {
    const file = join(dir, 'big.bin');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 7, 7);
    writeFileSync(file, bytes);
    expect(await fingerprintData(file)).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
  });
});

describe('fingerprintData of a folder', () => {
  const makeFolder = () => {
    const folder = join(dir, 'images');
    mkdirSync(join(folder, 'cats'), { recursive: true });
    writeFileSync(join(folder, 'cats', 'a.png'), 'meow');
    writeFileSync(join(folder, 'labels.csv'), 'a,cat\n');
    return folder;
  };

  it('is stable, and changes when a byte of a nested file changes', async () => {
    const folder = makeFolder();
    const first = await fingerprintData(folder);
    expect(first).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await fingerprintData(folder)).toBe(first);
    writeFileSync(join(folder, 'cats', 'a.png'), 'meoW');
    expect(await fingerprintData(folder)).not.toBe(first);
  });

  it('changes when a file is renamed or added', async () => {
    const folder = makeFolder();
    const first = await fingerprintData(folder);
    renameSync(join(folder, 'cats', 'a.png'), join(folder, 'cats', 'b.png'));
    const renamed = await fingerprintData(folder);
    expect(renamed).not.toBe(first);
    writeFileSync(join(folder, 'empty'), '');
    expect(await fingerprintData(folder)).not.toBe(renamed);
  });

  it('records a link without following it out of the folder', async () => {
    const folder = makeFolder();
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'one');
    symlinkSync(outside, join(folder, 'link'));
    const first = await fingerprintData(folder);
    writeFileSync(outside, 'two');
    expect(await fingerprintData(folder)).toBe(first);
  });
});
