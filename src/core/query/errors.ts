/**
 * The only error the query language throws for user input. The HTTP layer maps it to
 * `INVALID_PARAMETER_VALUE` (400).
 */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  /** 0-based character offset in the input where the problem was found, when there is one. */
  readonly position: number | undefined;

  constructor(message: string, position?: number) {
    super(position === undefined ? message : `${message} (at position ${position})`);
    this.position = position;
  }
}
