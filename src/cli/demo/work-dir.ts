import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { invalidParameter } from '../../core/errors.js';

/** The example project the demo copies: a normal user project that knows nothing of the demo. */
export const EXAMPLE_DIR = fileURLToPath(new URL('../../../examples/seattle-weather/', import.meta.url));

/** `--quick`: fewer seeds and epochs, so the whole loop fits in a test. */
const QUICK = { seeds: 3, epochs: 15 };

/**
 * A fresh copy of the example to run in (`dir`, which must be empty or missing, or a new temporary folder),
 * so every demo starts from an empty store beside its own ratchet.json. Quick mode edits the copy's
 * ratchet.json, as a user would for a smoke test.
 */
export function prepareWorkDir(dir: string | undefined, quick: boolean): string {
  if (!existsSync(EXAMPLE_DIR)) {
    throw invalidParameter(
      'the demo runs from a Ratchet checkout (its examples/ are not in the installed package): `npm start` there.',
    );
  }
  const target = dir === undefined ? mkdtempSync(join(tmpdir(), 'ratchet-demo-')) : resolve(dir);
  if (dir !== undefined && existsSync(target) && readdirSync(target).length > 0) {
    throw invalidParameter(`--dir ${dir} is not empty; the demo starts from a fresh folder.`);
  }
  cpSync(EXAMPLE_DIR, target, { recursive: true });
  if (quick) {
    const path = join(target, 'ratchet.json');
    const config = JSON.parse(readFileSync(path, 'utf8')) as {
      seeds: number;
      params: Record<string, unknown>;
    };
    config.seeds = QUICK.seeds;
    config.params.epochs = QUICK.epochs;
    writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  }
  return target;
}
