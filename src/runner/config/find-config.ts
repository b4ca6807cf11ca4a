import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { invalidParameter } from '../../core/errors.js';

export const CONFIG_FILE_NAMES = ['ratchet.json', 'ratchet.yaml', 'ratchet.yml'] as const;

/** The nearest project config from `dir` upwards, as git finds `.git`; two in one folder are ambiguous. */
export function findConfigFile(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const found = CONFIG_FILE_NAMES.map((name) => join(current, name)).filter((file) => existsSync(file));
    if (found.length > 1) {
      throw invalidParameter(`${current} has ${found.length} project configs (${namesOf(found)}): keep one.`);
    }
    if (found.length === 1) return found[0];
    if (dirname(current) === current) return undefined;
  }
}

function namesOf(files: string[]): string {
  return files.map((file) => file.slice(dirname(file).length + 1)).join(', ');
}
