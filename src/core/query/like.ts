/**
 * SQL LIKE semantics shared by the parser (validation) and the evaluator (matching), defined so that a SQL
 * compiler can reproduce them exactly: `%` matches any sequence of characters, `_` exactly one character
 * (Unicode code point), and `\` escapes the next character (`\%`, `\_`, `\\`; `\x` is just `x`), like
 * `LIKE … ESCAPE '\'`. A pattern may not end with a lone `\`. LIKE is case-sensitive; ILIKE folds ASCII
 * letters only (A–Z ≡ a–z), which is what SQLite's LIKE and PostgreSQL's `lower(… COLLATE "C")` do.
 */
export const LIKE_ESCAPE = '\\';

const ANY = Symbol('%');
const ONE = Symbol('_');
type Element = string | typeof ANY | typeof ONE;

/** An error message when `pattern` is not a valid LIKE pattern, else undefined. */
export function likePatternError(pattern: string): string | undefined {
  let escaped = false;
  for (const c of pattern) escaped = !escaped && c === LIKE_ESCAPE;
  return escaped ? 'LIKE pattern must not end with escape character' : undefined;
}

export function foldAsciiCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Compiles a valid pattern (see {@link likePatternError}) into a matcher. */
export function compileLike(pattern: string, caseInsensitive: boolean): (text: string) => boolean {
  const elements: Element[] = [];
  let escaped = false;
  for (const c of caseInsensitive ? foldAsciiCase(pattern) : pattern) {
    if (escaped) elements.push(c);
    else if (c === '%') elements.push(ANY);
    else if (c === '_') elements.push(ONE);
    else if (c !== LIKE_ESCAPE) elements.push(c);
    escaped = !escaped && c === LIKE_ESCAPE;
  }
  return (text) => matchElements(elements, [...(caseInsensitive ? foldAsciiCase(text) : text)]);
}

// Greedy wildcard matching that backtracks only to the last `%`: O(pattern × text) in the worst case.
function matchElements(pattern: readonly Element[], text: readonly string[]): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    const element = pattern[p];
    if (element === ONE || (element !== undefined && element === text[t])) {
      p++;
      t++;
    } else if (element === ANY) {
      star = p++;
      starText = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (pattern[p] === ANY) p++;
  return p === pattern.length;
}
