/**
 * Error codes follow MLflow's `databricks.proto` names so the HTTP layer can pass them through unchanged.
 * Domain code throws `RatchetError`; only the HTTP layer knows which status each code maps to.
 */
export type ErrorCode =
  | 'INVALID_PARAMETER_VALUE'
  | 'BAD_REQUEST'
  | 'MALFORMED_REQUEST'
  | 'RESOURCE_ALREADY_EXISTS'
  | 'RESOURCE_DOES_NOT_EXIST'
  | 'ENDPOINT_NOT_FOUND'
  | 'INVALID_STATE'
  | 'PERMISSION_DENIED'
  | 'REQUEST_LIMIT_EXCEEDED'
  | 'RESOURCE_EXHAUSTED'
  | 'NOT_IMPLEMENTED'
  | 'INTERNAL_ERROR'
  | 'TEMPORARILY_UNAVAILABLE'
  | 'UNAUTHENTICATED';

export class RatchetError extends Error {
  override readonly name = 'RatchetError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /**
     * What the MLflow-compatible API says instead, where MLflow's words differ from Ratchet's (MLflow clients
     * know a project as an experiment, and may match on MLflow's messages).
     */
    readonly mlflowMessage: string = message,
  ) {
    super(message);
  }
}

/** Which request parameter is wrong, and where in its text when that is known (0-based). */
export interface ParameterProblem {
  parameter: string;
  message: string;
  position?: number;
}

/** An invalid value of one named request parameter (e.g. a filter that does not parse). */
export class InvalidParameterError extends RatchetError {
  constructor(readonly problem: ParameterProblem) {
    super('INVALID_PARAMETER_VALUE', problem.message);
  }
}

export const invalidParameter = (message: string) => new RatchetError('INVALID_PARAMETER_VALUE', message);
export const notFound = (message: string) => new RatchetError('RESOURCE_DOES_NOT_EXIST', message);
export const alreadyExists = (message: string) => new RatchetError('RESOURCE_ALREADY_EXISTS', message);

export function isRatchetError(error: unknown): error is RatchetError {
  return error instanceof RatchetError;
}
