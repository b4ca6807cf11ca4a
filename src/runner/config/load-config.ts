import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { invalidParameter, isRatchetError } from '../../core/errors.js';
import { expandCommand } from '../plan.js';
import { splitCommandLine } from './command-line.js';
import { CONFIG_FILE_NAMES, findConfigFile } from './find-config.js';
import type { ProjectConfig } from './project-config.js';
import { readConfigFile } from './read-config-file.js';

/** The project config nearest to `cwd` (upwards), checked through: its command, its params and its data. */
export function loadConfig(cwd: string = process.cwd()): ProjectConfig {
  const file = findConfigFile(cwd);
  if (file === undefined) {
    throw invalidParameter(
      `No ${CONFIG_FILE_NAMES.join(' / ')} here or in any parent folder: it names the project, its command and params.`,
    );
  }
  const shownAs = relative(cwd, file) || file;
  const read = readConfigFile(file, shownAs);
  const fieldError = (field: string, message: string) => invalidParameter(`${shownAs}: ${field}: ${message}`);
  const dir = dirname(file);

  const template = read.command;
  const command =
    typeof template === 'string'
      ? inField('command', fieldError, () => splitCommandLine(template))
      : template;
  if (command[0] === undefined || command[0] === '') throw fieldError('command', 'names no program');
  // Every placeholder must have a value, or every run would fail the same way.
  inField('command', fieldError, () => expandCommand(command, { ...read.params, seed: '1' }));

  const data = Object.entries(read.data).map(([name, path]) => {
    const absolute = resolve(dir, path);
    if (!existsSync(absolute)) throw fieldError(`data.${name}`, `no file or folder at ${absolute}`);
    return { name, path: absolute };
  });

  return {
    file,
    dir,
    project: read.project,
    command,
    params: read.params,
    data,
    seeds: read.seeds,
    parallel: read.parallel ?? availableParallelism(),
    ...(read.metric === undefined ? {} : { metric: read.metric }),
    ...(read.direction === undefined ? {} : { direction: read.direction }),
    features: read.features,
  };
}

/** Runs `check`, naming the field in any error it raises about the input. */
function inField<T>(field: string, fieldError: (field: string, message: string) => Error, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw isRatchetError(error) ? fieldError(field, error.message) : error;
  }
}
