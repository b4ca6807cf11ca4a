export type {
  And,
  Expr,
  Field,
  Filter,
  InList,
  NullCheck,
  NumberComparison,
  NumberOp,
  Or,
  Predicate,
  StringComparison,
  StringOp,
} from './ast.js';
export { QueryError } from './errors.js';
export { matches } from './evaluate.js';
export { compileLike, LIKE_ESCAPE } from './like.js';
export { type OrderBy, parseOrderBy } from './order-by.js';
export { checkMaxResults, type Page, pageOf, selectMatching } from './page.js';
export { decodePageToken, encodePageToken, type PageToken } from './page-token.js';
export { parseFilter } from './parser.js';
export { printField, printFilter, printOrderBy } from './printer.js';
export type { AttributeValue, DatasetInput, RunInfoRecord, RunRecord, SearchRecord } from './record.js';
export {
  type AttributeSpec,
  DATASET_KEYS,
  type Entity,
  experimentFilterSchema,
  modelVersionFilterSchema,
  type QuerySchema,
  registeredModelFilterSchema,
  runFilterSchema,
  type ValueType,
  valueType,
} from './schema.js';
export { compareCodePoints, compareRecords, compareRuns } from './sort.js';
