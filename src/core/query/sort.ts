import type { OrderBy } from './order-by.js';
import { fieldValues, type RunRecord, type SearchRecord } from './record.js';

/** MLflow's implicit tie-breakers after the requested order: newest first, then run id. */
const RUN_TIE_BREAKERS: readonly OrderBy[] = [
  { entity: 'attribute', key: 'start_time', ascending: false },
  { entity: 'attribute', key: 'run_id', ascending: true },
];

/**
 * A comparator for `Array.prototype.sort` implementing search-runs ordering: each clause in turn, then
 * `start_time DESC`, `run_id ASC`. Within a clause, present values come first in the requested direction,
 * then NaN metrics, then missing values, regardless of direction. Numbers compare numerically (±Infinity at
 * the ends); strings by Unicode code point (= UTF-8 byte order = SQLite BINARY / PostgreSQL `COLLATE "C"`).
 */
export function compareRuns(orderBy: readonly OrderBy[]): (a: RunRecord, b: RunRecord) => number {
  return compareRecords([...orderBy, ...RUN_TIE_BREAKERS]);
}

/** The same ordering rules over any search records (registered models, model versions, …). */
export function compareRecords(clauses: readonly OrderBy[]): (a: SearchRecord, b: SearchRecord) => number {
  return (a, b) => {
    for (const clause of clauses) {
      const order = compareOn(a, b, clause);
      if (order !== 0) return order;
    }
    return 0;
  };
}

function compareOn(a: SearchRecord, b: SearchRecord, clause: OrderBy): number {
  const x = fieldValues(a, clause).at(0);
  const y = fieldValues(b, clause).at(0);
  const rankX = rank(x);
  const rankY = rank(y);
  if (rankX !== rankY || rankX !== 0) return rankX - rankY;
  const order = compareValues(x!, y!);
  return clause.ascending ? order : -order;
}

/** 0 for a comparable value, 1 for NaN, 2 for missing. */
function rank(value: string | number | undefined): number {
  if (value === undefined) return 2;
  return Number.isNaN(value) ? 1 : 0;
}

function compareValues(x: string | number, y: string | number): number {
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  if (typeof x === 'string' && typeof y === 'string') return compareCodePoints(x, y);
  return typeof x === 'number' ? -1 : 1;
}

/** Compares strings by code point rather than by UTF-16 code unit (they differ above U+E000). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return Math.sign(codePointOrder(x) - codePointOrder(y));
  }
  return Math.sign(a.length - b.length);
}

// Surrogates (astral code points) must sort after U+E000–U+FFFF.
function codePointOrder(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}
