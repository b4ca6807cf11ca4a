import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { invalidParameter } from '../../core/errors.js';

/**
 * Refuses, before anything is created, a command that cannot be started: a path that is not an executable
 * file, or a name found in no directory of PATH.
 */
export function assertExecutable(file: string | undefined, cwd: string, path = process.env.PATH ?? ''): void {
  if (file === undefined || file === '') throw invalidParameter('No command to run: give it after `--`.');
  const candidates = file.includes('/')
    ? [isAbsolute(file) ? file : resolve(cwd, file)]
    : path
        .split(delimiter)
        .filter((dir) => dir !== '')
        .map((dir) => join(dir, file));
  if (!candidates.some(isExecutableFile)) {
    throw invalidParameter(
      file.includes('/')
        ? `Cannot run ${file}: no executable file there.`
        : `No such command: ${file} (not on PATH).`,
    );
  }
}

function isExecutableFile(candidate: string): boolean {
  try {
    accessSync(candidate, constants.X_OK);
    return statSync(candidate).isFile();
  } catch {
    return false;
  }
}
