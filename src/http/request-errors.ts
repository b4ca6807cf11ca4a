import type { z } from 'zod';
import { RatchetError } from '../core/errors.js';

export interface ErrorDetail {
  path: string;
  message: string;
  position?: number;
}

/** At most this many problems are listed, each bounded: an error never echoes unbounded input. */
const MAX_DETAILS = 20;
const MAX_TEXT = 200;

/** A request that does not match the contract: INVALID_PARAMETER_VALUE naming every bad field. */
export class RequestValidationError extends RatchetError {
  constructor(readonly details: ErrorDetail[]) {
    const first = details[0];
    const more =
      details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
    super(
      'INVALID_PARAMETER_VALUE',
      `Invalid request: ${first ? `${first.path}: ${first.message}` : '?'}${more}.`,
    );
  }
}

/** The issues of the parts of a request (`path`, `query`, `body`), as bounded details. */
export function detailsOf(where: string, error: z.ZodError): ErrorDetail[] {
  return error.issues.slice(0, MAX_DETAILS).map((issue) => ({
    path: bounded(pathText(where, issue.path)),
    message: bounded(issue.code === 'unrecognized_keys' ? unrecognized(issue.keys) : issue.message),
  }));
}

export function limitDetails(details: ErrorDetail[]): ErrorDetail[] {
  return details.slice(0, MAX_DETAILS);
}

function pathText(where: string, path: readonly PropertyKey[]): string {
  let text = where;
  for (const part of path) {
    text += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  }
  return text;
}

function unrecognized(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((key) => `'${bounded(key, 40)}'`);
  const rest = keys.length > shown.length ? ` and ${keys.length - shown.length} more` : '';
  return `unknown field${keys.length > 1 ? 's' : ''} ${shown.join(', ')}${rest}`;
}

/** `text` cut to `max` characters: an error never echoes unbounded input. */
export function bounded(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
