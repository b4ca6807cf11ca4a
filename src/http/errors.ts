import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type ErrorCode, InvalidParameterError, isRatchetError } from '../core/errors.js';
import { BodyTooLargeError } from './body.js';
import { type ErrorDetail, RequestValidationError } from './request-errors.js';

/** MLflow's mapping from error code to HTTP status (reference §2). */
const STATUS_BY_CODE: Record<ErrorCode, 400 | 401 | 403 | 404 | 429 | 500 | 501 | 503> = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  MALFORMED_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  INVALID_STATE: 500,
  PERMISSION_DENIED: 403,
  REQUEST_LIMIT_EXCEEDED: 429,
  RESOURCE_EXHAUSTED: 429,
  NOT_IMPLEMENTED: 501,
  INTERNAL_ERROR: 500,
  TEMPORARILY_UNAVAILABLE: 503,
  UNAUTHENTICATED: 401,
};

/** Where Ratchet's own API (/api/v1) answers with a more precise status than MLflow's mapping. */
const NATIVE_STATUS_BY_CODE: Partial<Record<ErrorCode, 409 | 413>> = {
  RESOURCE_ALREADY_EXISTS: 409,
  REQUEST_LIMIT_EXCEEDED: 413,
};

export function statusOf(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}

export function errorResponse(
  code: ErrorCode,
  message: string,
  details?: readonly ErrorDetail[],
  status = statusOf(code),
): Response {
  return Response.json(
    { error_code: code, message, ...(details === undefined ? {} : { details }) },
    { status },
  );
}

function nativeErrorResponse(code: ErrorCode, message: string, details?: readonly ErrorDetail[]): Response {
  return errorResponse(code, message, details, NATIVE_STATUS_BY_CODE[code] ?? statusOf(code));
}

/**
 * The one place thrown errors become responses (on /api/v1; the MLflow routes' handler below falls back to it
 * for what is not a domain error): domain errors keep their code, anything else is a 500.
 */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof RequestValidationError) {
    return nativeErrorResponse(error.code, error.message, error.details);
  }
  if (error instanceof InvalidParameterError) {
    const { parameter, message, position } = error.problem;
    const detail = { path: `query.${parameter}`, message, ...(position === undefined ? {} : { position }) };
    return nativeErrorResponse(error.code, error.message, [detail]);
  }
  if (error instanceof BodyTooLargeError) return nativeErrorResponse('REQUEST_LIMIT_EXCEEDED', error.message);
  if (isRatchetError(error)) return nativeErrorResponse(error.code, error.message);
  if (error instanceof HTTPException) return error.getResponse();
  if (isQueryError(error)) return errorResponse('INVALID_PARAMETER_VALUE', error.message);
  console.error(`[ratchet] ${c.req.method} ${c.req.path} failed:`, error);
  return errorResponse('INTERNAL_ERROR', 'Internal server error; the details are in the server log.');
}

/** The same, for the MLflow-compatible routes: domain errors in MLflow's words where they differ. */
export function handleMlflowError(error: Error, c: Context): Response {
  if (isRatchetError(error)) return errorResponse(error.code, error.mlflowMessage);
  return handleError(error, c);
}

function isQueryError(error: Error): boolean {
  return error.name === 'QueryError';
}

const ECHOED_PATH_CHARS = 200;

/** A path no route serves: a JSON 404 that repeats the path only as far as its first 200 characters. */
export function endpointNotFound(c: Context): Response {
  const path = c.req.path;
  const echoed =
    path.length <= ECHOED_PATH_CHARS
      ? path
      : `${path.slice(0, ECHOED_PATH_CHARS)}… (${path.length.toLocaleString('en-US')} characters)`;
  return errorResponse('ENDPOINT_NOT_FOUND', `No endpoint ${c.req.method} ${echoed}`);
}
