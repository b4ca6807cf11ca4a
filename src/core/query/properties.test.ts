import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALPHABET,
  exprArb,
  narrow,
  predicateArb,
  runArb,
  wide,
} from '../../../test/support/query-arbitraries.js';
import type { NumberOp, StringOp } from './ast.js';
import { QueryError } from './errors.js';
import { matches } from './evaluate.js';
import { compileLike, likePatternError } from './like.js';
import type { OrderBy } from './order-by.js';
import { parseOrderBy } from './order-by.js';
import { parseFilter } from './parser.js';
import { printFilter, printOrderBy } from './printer.js';
import type { RunRecord } from './record.js';
import { compareRuns } from './sort.js';

const anyRun = runArb(narrow.text);
const EVALUATION_RUNS = { numRuns: 1000 };

// ---- Properties ----------------------------------------------------------------------------------------

describe('print/parse round trip', () => {
  it('parse(print(ast)) deep-equals ast', () => {
    fc.assert(
      fc.property(exprArb(wide), (ast) => {
        expect(parseFilter(printFilter(ast))).toEqual(ast);
      }),
      { numRuns: 500 },
    );
  });

  it('printing is idempotent through parsing', () => {
    fc.assert(
      fc.property(exprArb(narrow), (ast) => {
        const printed = printFilter(ast);
        expect(printFilter(parseFilter(printed))).toBe(printed);
      }),
    );
  });

  it('order_by clauses round-trip', () => {
    const clause = fc.record({
      entity: fc.constantFrom('metric' as const, 'param' as const, 'tag' as const),
      key: wide.key,
      ascending: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(clause, { selector: (c) => `${c.entity}:${c.key}`, maxLength: 4 }),
        (orderBy) => {
          expect(parseOrderBy(printOrderBy(orderBy))).toEqual(orderBy);
        },
      ),
    );
  });
});

describe('parser robustness', () => {
  const fragments = fc.constantFrom(
    'metrics.a',
    'tags.`x`',
    'params."y"',
    'run_id',
    'created',
    '=',
    '!=',
    '>=',
    'LIKE',
    'NOT',
    'IN',
    'IS',
    'NULL',
    'AND',
    'OR',
    '(',
    ')',
    ',',
    "'s'",
    '"d"',
    '`b`',
    '1',
    '-2.5e3',
    'NaN',
    '.',
    ';',
    "'",
    '\\',
    ' ',
  );

  it('throws nothing but QueryError, for arbitrary text and for token soup', () => {
    const input = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(fragments, { maxLength: 12 }).map((f) => f.join(' ')),
    );
    fc.assert(
      fc.property(input, (text) => {
        for (const parse of [() => parseFilter(text), () => parseOrderBy([text])]) {
          try {
            parse();
          } catch (e) {
            expect(e).toBeInstanceOf(QueryError);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('evaluator consistency', () => {
  const predicate = predicateArb(narrow);
  const expr = exprArb(narrow);
  const parsedMatches = (filter: string, run: RunRecord) => matches(parseFilter(filter), run);

  it('A OR B matches iff A or B matches; A AND B iff both (through the parser, with grouping)', () => {
    fc.assert(
      fc.property(expr, expr, anyRun, (a, b, run) => {
        const [pa, pb] = [`(${printFilter(a)})`, `(${printFilter(b)})`];
        expect(parsedMatches(`${pa} OR ${pb}`, run)).toBe(matches(a, run) || matches(b, run));
        expect(parsedMatches(`${pa} AND ${pb}`, run)).toBe(matches(a, run) && matches(b, run));
      }),
      EVALUATION_RUNS,
    );
  });

  it('AND binds tighter than OR', () => {
    fc.assert(
      fc.property(predicate, predicate, predicate, anyRun, (a, b, c, run) => {
        const [pa, pb, pc] = [a, b, c].map(printFilter);
        const expected = matches(a, run) || (matches(b, run) && matches(c, run));
        expect(parsedMatches(`${pa} OR ${pb} AND ${pc}`, run)).toBe(expected);
      }),
      EVALUATION_RUNS,
    );
  });

  it('x IN (v…) matches iff some x = v matches', () => {
    fc.assert(
      fc.property(predicate, anyRun, (p, run) => {
        if (p.kind !== 'in' || p.negated) return;
        const anyEqual = p.values.some((value) =>
          matches({ kind: 'string', field: p.field, op: '=', value }, run),
        );
        expect(matches(p, run)).toBe(anyEqual);
      }),
      EVALUATION_RUNS,
    );
  });

  it('for single-valued fields: NOT IN ≡ present AND every !=; NOT LIKE ≡ present AND NOT LIKE', () => {
    fc.assert(
      fc.property(predicate, anyRun, (p, run) => {
        if (p.field.entity === 'dataset') return;
        const present = matches({ kind: 'null', field: p.field, negated: true }, run);
        if (p.kind === 'in' && p.negated) {
          const allDifferent = p.values.every((value) =>
            matches({ kind: 'string', field: p.field, op: '!=', value }, run),
          );
          expect(matches(p, run)).toBe(present && allDifferent);
        }
        if (p.kind === 'string' && p.op.startsWith('NOT ')) {
          const positive = matches({ ...p, op: p.op.slice(4) as StringOp }, run);
          expect(matches(p, run)).toBe(present && !positive);
        }
        if (p.kind === 'string' && p.op === '!=') {
          expect(matches(p, run)).toBe(present && !matches({ ...p, op: '=' }, run));
        }
      }),
      EVALUATION_RUNS,
    );
  });

  it('IS NULL and IS NOT NULL are complements; a comparison implies IS NOT NULL', () => {
    fc.assert(
      fc.property(predicate, anyRun, (p, run) => {
        const isNull = matches({ kind: 'null', field: p.field, negated: false }, run);
        expect(matches({ kind: 'null', field: p.field, negated: true }, run)).toBe(!isNull);
        if (p.kind !== 'null' && p.field.entity !== 'dataset' && matches(p, run)) expect(isNull).toBe(false);
      }),
      EVALUATION_RUNS,
    );
  });

  it('numbers: a present non-NaN value is exactly one of <, =, >; != ≡ < OR >; <= ≡ < OR =', () => {
    fc.assert(
      fc.property(predicate, anyRun, (p, run) => {
        if (p.kind !== 'number') return;
        const test = (op: NumberOp) => matches({ ...p, op }, run);
        const comparable = test('<') || test('=') || test('>');
        expect([test('<'), test('='), test('>')].filter(Boolean).length).toBe(comparable ? 1 : 0);
        expect(test('!=')).toBe(test('<') || test('>'));
        expect(test('<=')).toBe(test('<') || test('='));
        expect(test('>=')).toBe(test('>') || test('='));
      }),
      EVALUATION_RUNS,
    );
  });
});

describe('LIKE against a regular-expression reference', () => {
  // Independent definition: translate the pattern to an anchored, dotAll, Unicode regular expression.
  function reference(text: string, pattern: string, caseInsensitive: boolean): boolean {
    const fold = (s: string) => (caseInsensitive ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s);
    let source = '';
    const chars = [...fold(pattern)];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (c === '\\') source += escapeRegExp(chars[++i]!);
      else source += c === '%' ? '.*' : c === '_' ? '.' : escapeRegExp(c);
    }
    return new RegExp(`^${source}$`, 'su').test(fold(text));
  }
  const escapeRegExp = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

  const text = fc
    .array(fc.constantFrom(...ALPHABET, 'B', '.', '*'), { maxLength: 8 })
    .map((cs) => cs.join(''));
  const pattern = text.filter((p) => likePatternError(p) === undefined);

  it('LIKE and ILIKE agree with the reference', () => {
    fc.assert(
      fc.property(text, pattern, fc.boolean(), (t, p, ci) => {
        expect(compileLike(p, ci)(t)).toBe(reference(t, p, ci));
      }),
      { numRuns: 2000 },
    );
  });

  it('a pattern without wildcards or escapes matches exactly itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const plain = s.replace(/[%_\\]/g, '');
        expect(compileLike(plain, false)(plain)).toBe(true);
        expect(compileLike(plain, false)(`${plain}x`)).toBe(false);
      }),
    );
  });
});

describe('ordering against an MLflow-style reference sort', () => {
  // MLflow's SearchUtils.sort: sort by (start_time DESC, run_id), then one stable sort per clause, last
  // clause first, with NaN and missing values keyed to the end. Strings compare as UTF-8 bytes.
  const utf8 = new TextEncoder();
  const compareBytes = (a: string, b: string) => {
    const [x, y] = [utf8.encode(a), utf8.encode(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
  const compareKeys = (a: [number, number | string], b: [number, number | string]) => {
    if (a[0] !== b[0]) return a[0] - b[0];
    if (typeof a[1] === 'string' && typeof b[1] === 'string') return compareBytes(a[1], b[1]);
    return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  };
  function value(run: RunRecord, { entity, key }: OrderBy): string | number | undefined {
    const bag = {
      metric: run.metrics,
      param: run.params,
      tag: run.tags,
      attribute: run.info,
      dataset: undefined,
    }[entity];
    const v = bag && Object.hasOwn(bag, key) ? (bag as Record<string, unknown>)[key] : undefined;
    return typeof v === 'string' || typeof v === 'number' ? v : undefined;
  }
  function referenceSort(runs: RunRecord[], orderBy: OrderBy[]): string[] {
    let sorted = [...runs].sort(
      (a, b) => b.info.start_time - a.info.start_time || compareBytes(a.info.run_id, b.info.run_id),
    );
    for (const clause of [...orderBy].reverse()) {
      const key = (run: RunRecord): [number, number | string] => {
        const v = value(run, clause);
        const missing = v === undefined;
        const nan = typeof v === 'number' && Number.isNaN(v);
        const fill = clause.ascending ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
        const sortValue = missing ? fill : nan ? -fill : v;
        const last = missing || nan;
        return clause.ascending ? [last ? 1 : 0, sortValue] : [last ? 0 : 1, sortValue];
      };
      sorted = [...sorted].sort((a, b) => (clause.ascending ? 1 : -1) * compareKeys(key(a), key(b)));
    }
    return sorted.map((r) => r.info.run_id);
  }

  const orderByArb = fc
    .uniqueArray(
      fc.oneof(
        fc.record({
          entity: fc.constantFrom('metric' as const, 'param' as const, 'tag' as const),
          key: narrow.key,
        }),
        fc.record({
          entity: fc.constant('attribute' as const),
          key: fc.constantFrom('run_name', 'status', 'start_time', 'end_time'),
        }),
      ),
      { selector: (f) => `${f.entity}:${f.key}`, maxLength: 3 },
    )
    .chain((fields) =>
      fc.tuple(...fields.map((f) => fc.boolean().map((ascending) => ({ ...f, ascending })))),
    );
  const runs = fc.uniqueArray(runArb(fc.string({ unit: 'binary', maxLength: 3 })), {
    selector: (r) => r.info.run_id,
    maxLength: 8,
  });

  it('compareRuns sorts exactly like the reference', () => {
    fc.assert(
      fc.property(runs, orderByArb, (rs, orderBy) => {
        expect([...rs].sort(compareRuns(orderBy)).map((r) => r.info.run_id)).toEqual(
          referenceSort(rs, orderBy),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('compareRuns is antisymmetric and total on distinct run ids', () => {
    fc.assert(
      fc.property(runs, orderByArb, (rs, orderBy) => {
        const compare = compareRuns(orderBy);
        for (const a of rs) {
          for (const b of rs) {
            expect(Math.sign(compare(a, b))).toBe(a === b ? 0 : -Math.sign(compare(b, a)) || 'not total');
          }
        }
      }),
    );
  });
});
