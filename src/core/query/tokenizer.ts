import { QueryError } from './errors.js';

export type TokenKind = 'name' | 'string' | 'backtick' | 'number' | 'op' | '(' | ')' | ',' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The token as written in the input. */
  readonly text: string;
  /** Decoded content: a string literal without quotes and with doubled quotes collapsed; else `text`. */
  readonly value: string;
  readonly start: number;
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'LIKE', 'ILIKE', 'IS', 'NULL', 'ASC', 'DESC']);

// A name is a dotted path (`metrics.a.b`); a trailing dot is kept when a quoted key follows (`tags."a b"`).
const NAME = /[A-Za-z_]\w*(?:\.\w+)*(?:\.(?=[`"]))?/y;
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPERATOR = /!=|<=|>=|=|<|>/y;
const WHITESPACE = /\s+/y;

/**
 * Splits a filter or order_by string into tokens. Quoted text ('…', "…", `…`) escapes its own quote
 * character by doubling it; backslashes have no meaning at this level. `context` prefixes error messages.
 */
export function tokenize(input: string, context: string): Token[] {
  // No stored text can hold U+0000 (PostgreSQL refuses it), so neither can a filter, on either database.
  const nul = input.indexOf('\u0000');
  if (nul >= 0) throw new QueryError(`${context}: contains a NUL character (\\u0000)`, nul);
  const tokens: Token[] = [];
  let pos = 0;
  const matchAt = (re: RegExp): string | undefined => {
    re.lastIndex = pos;
    return re.exec(input)?.[0];
  };
  while (true) {
    const space = matchAt(WHITESPACE);
    if (space) pos += space.length;
    if (pos >= input.length) break;
    const start = pos;
    const c = input[pos]!;
    if (c === "'" || c === '"' || c === '`') {
      const end = closingQuote(input, pos, c);
      if (end < 0) throw new QueryError(`${context}: unterminated quoted text starting with ${c}`, start);
      const text = input.slice(start, end + 1);
      const value = text.slice(1, -1).replaceAll(c + c, c);
      tokens.push({ kind: c === '`' ? 'backtick' : 'string', text, value, start });
      pos = end + 1;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, value: c, start });
      pos++;
      continue;
    }
    const [kind, text] = lexWord(matchAt);
    if (text === undefined) throw new QueryError(`${context}: unexpected character '${c}'`, start);
    tokens.push({ kind, text, value: text, start });
    pos += text.length;
  }
  tokens.push({ kind: 'eof', text: '', value: '', start: input.length });
  return tokens;
}

function lexWord(matchAt: (re: RegExp) => string | undefined): [TokenKind, string | undefined] {
  const name = matchAt(NAME);
  if (name !== undefined) return ['name', name];
  const number = matchAt(NUMBER);
  if (number !== undefined) return ['number', number];
  return ['op', matchAt(OPERATOR)];
}

function closingQuote(input: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < input.length) {
    if (input[i] === quote) {
      if (input[i + 1] !== quote) return i;
      i += 2;
    } else {
      i++;
    }
  }
  return -1;
}

/** Quotes `text` with `quote`, doubling the quote character inside. */
export function quote(text: string, quote: "'" | '"' | '`'): string {
  return quote + text.replaceAll(quote, quote + quote) + quote;
}

/** A cursor over tokens with error reporting that names the offending token and its position. */
export class TokenStream {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    readonly context: string,
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  /** Consumes the next token if it is the keyword `word` (keywords are case-insensitive). */
  acceptKeyword(word: string): boolean {
    if (!isKeyword(this.peek(), word)) return false;
    this.next();
    return true;
  }

  expectKeyword(word: string, expected: string): void {
    if (!this.acceptKeyword(word)) this.fail(`expected ${expected}`);
  }

  fail(detail: string, token: Token = this.peek()): never {
    const found = token.kind === 'eof' ? 'end of input' : `'${token.text}'`;
    throw new QueryError(`${this.context}: ${detail}, found ${found}`, token.start);
  }
}

export function isKeyword(token: Token, word?: string): boolean {
  if (token.kind !== 'name') return false;
  const upper = token.text.toUpperCase();
  return word === undefined ? KEYWORDS.has(upper) : upper === word;
}
