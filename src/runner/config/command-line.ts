import { invalidParameter } from '../../core/errors.js';

/**
 * A command line split into argv as a POSIX shell would split it, without running a shell: whitespace
 * separates words, single quotes keep everything literally, double quotes keep spaces and let a backslash
 * escape `"`, `\`, `$` and a backtick, and a backslash outside quotes escapes the next character.
 * `{placeholders}` are ordinary characters here; they are expanded per run afterwards.
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) word += line[++i];
      else word += c;
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote !== null) throw invalidParameter(`unterminated ${quote} quote in the command`);
  if (word !== null) words.push(word);
  return words;
}
