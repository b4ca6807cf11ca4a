import { LIMITS } from '../limits.js';
import type { Field } from './ast.js';
import { QueryError } from './errors.js';
import { parseField } from './field.js';
import { type QuerySchema, runFilterSchema } from './schema.js';
import { TokenStream, tokenize } from './tokenizer.js';

export interface OrderBy extends Field {
  readonly ascending: boolean;
}

/**
 * Parses MLflow order_by clauses: `<field> [ASC|DESC]` each (default ASC, keywords case-insensitive),
 * fields written as in filters. Ordering by the same field twice is an error.
 */
export function parseOrderBy(clauses: readonly string[], schema: QuerySchema = runFilterSchema): OrderBy[] {
  if (clauses.length > LIMITS.orderByKeys) {
    throw new QueryError(
      `\`order_by\` has ${clauses.length} keys; the limit (orderByKeys) is ${LIMITS.orderByKeys}`,
    );
  }
  const seen = new Set<string>();
  return clauses.map((clause) => {
    const context = `Invalid order_by clause '${clause}'`;
    const ts = new TokenStream(tokenize(clause, context), context);
    const field = parseField(ts, schema, 'order');
    const ascending = !ts.acceptKeyword('DESC');
    if (ascending) ts.acceptKeyword('ASC');
    if (ts.peek().kind !== 'eof') ts.fail('expected ASC, DESC or the end of the clause');
    const id = `${field.entity}\u0000${field.key}`;
    if (seen.has(id))
      throw new QueryError(`\`order_by\` contains duplicate fields: ${JSON.stringify(clauses)}`);
    seen.add(id);
    return { entity: field.entity, key: field.key, ascending };
  });
}
