import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { invalidParameter } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import type { DataInput } from './capture-types.js';

/** A name before the first `=` (`train=data/train.csv`); anything else is a bare path. */
const NAMED = /^([\w.-]+)=(.*)$/;
/** What a tag key (`ratchet.data.<name>`) may hold. */
const TAG_SAFE_NAME = /^[\w.-]+$/;
const TAG_PREFIX_LENGTH = 'ratchet.data.'.length;

/**
 * `name=path` or `path` (named after its last segment). The path is resolved against `cwd` and must exist
 * (a file or a folder) — checked here, before anything is created.
 */
export function parseDataInput(spec: string, cwd: string): DataInput {
  const named = NAMED.exec(spec);
  const given = named ? named[2]! : spec;
  if (given === '') throw invalidParameter(`--data '${spec}': no path given.`);
  const path = resolve(cwd, given);
  const name = named ? named[1]! : basename(path);
  if (!TAG_SAFE_NAME.test(name) || name.length > LIMITS.keyLength - TAG_PREFIX_LENGTH) {
    throw invalidParameter(
      `--data '${spec}': '${name}' cannot name a data set (letters, digits, _ . - only); give a name with name=path.`,
    );
  }
  if (!isFileOrFolder(path)) {
    throw invalidParameter(`--data '${spec}': ${given} does not exist (looked for ${path}).`);
  }
  return { name, path };
}

/** Every `--data` input; two inputs of one name would overwrite each other's fingerprint, so that is refused. */
export function parseDataInputs(specs: readonly string[], cwd: string): DataInput[] {
  const inputs = specs.map((spec) => parseDataInput(spec, cwd));
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.name)) {
      throw invalidParameter(`--data: the name '${input.name}' is given twice; name them with name=path.`);
    }
    seen.add(input.name);
  }
  return inputs;
}

function isFileOrFolder(path: string): boolean {
  const info = statSync(path, { throwIfNoEntry: false });
  return info !== undefined && (info.isFile() || info.isDirectory());
}
