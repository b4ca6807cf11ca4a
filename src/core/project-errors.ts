import { RatchetError } from './errors.js';

/**
 * Errors about projects, in Ratchet's words (a project) and, for the MLflow-compatible API, in MLflow's
 * (an experiment, with the messages MLflow's server gives).
 */
export function projectNotFound(id: string): RatchetError {
  return new RatchetError(
    'RESOURCE_DOES_NOT_EXIST',
    `Project with id ${id} does not exist.`,
    `No Experiment with id=${id} exists`,
  );
}

export function projectNameNotFound(name: string): RatchetError {
  return new RatchetError(
    'RESOURCE_DOES_NOT_EXIST',
    `Project '${name}' does not exist.`,
    `Could not find experiment with name '${name}'`,
  );
}

export function projectNameTaken(name: string): RatchetError {
  return new RatchetError(
    'RESOURCE_ALREADY_EXISTS',
    `Project '${name}' already exists.`,
    `Experiment(name=${name}) already exists.`,
  );
}

export function projectNotActive(id: string): RatchetError {
  return new RatchetError(
    'INVALID_PARAMETER_VALUE',
    `Project ${id} is deleted: restore it first.`,
    `The experiment ${id} must be in the 'active' state.`,
  );
}

export function emptyProjectName(): RatchetError {
  return new RatchetError(
    'INVALID_PARAMETER_VALUE',
    'A project needs a name (a non-empty string).',
    "Invalid experiment name: '' (it must be a non-empty string).",
  );
}

export function projectNameTooLong(maxLength: number): RatchetError {
  return new RatchetError(
    'INVALID_PARAMETER_VALUE',
    `Project name exceeds the maximum length of ${maxLength} characters.`,
    `Experiment name exceeds the maximum length of ${maxLength} characters.`,
  );
}

export function projectTagNotFound(id: string, key: string): RatchetError {
  return new RatchetError(
    'RESOURCE_DOES_NOT_EXIST',
    `Project ${id} has no tag '${key}'.`,
    `No tag with name: ${key} in experiment with id ${id}`,
  );
}
