import type { Entity } from './schema.js';

/** A reference to one searchable value: an attribute (canonical name, aliases resolved) or a keyed entity. */
export interface Field {
  readonly entity: Entity;
  readonly key: string;
}

export type NumberOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type StringOp = '=' | '!=' | 'LIKE' | 'ILIKE' | 'NOT LIKE' | 'NOT ILIKE';

/** `metrics.acc > 0.9`, `start_time >= 1700000000000`: fields of type number, finite value. */
export interface NumberComparison {
  readonly kind: 'number';
  readonly field: Field;
  readonly op: NumberOp;
  readonly value: number;
}

/** `params.lr = '0.1'`, `tags.team ILIKE 'ml%'`: fields of type string. */
export interface StringComparison {
  readonly kind: 'string';
  readonly field: Field;
  readonly op: StringOp;
  readonly value: string;
}

/** `run_id IN ('a', 'b')` / `NOT IN`: fields of type string, non-empty list. */
export interface InList {
  readonly kind: 'in';
  readonly field: Field;
  readonly negated: boolean;
  readonly values: readonly string[];
}

/** `tags.x IS NULL` / `IS NOT NULL`: keyed entities and nullable attributes. */
export interface NullCheck {
  readonly kind: 'null';
  readonly field: Field;
  readonly negated: boolean;
}

export type Predicate = NumberComparison | StringComparison | InList | NullCheck;

/**
 * N-ary conjunction / disjunction with at least two operands. The parser flattens nested groups of the
 * same kind, so an `and` never directly contains an `and` (nor an `or` an `or`).
 */
export interface And {
  readonly kind: 'and';
  readonly operands: readonly Expr[];
}
export interface Or {
  readonly kind: 'or';
  readonly operands: readonly Expr[];
}

export type Expr = And | Or | Predicate;

/** A parsed filter; `null` is the empty filter, which matches everything. */
export type Filter = Expr | null;
