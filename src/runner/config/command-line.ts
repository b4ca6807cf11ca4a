import { invalidParameter } from '../../core/errors.js';

/**
 * A command line split into argv as a POSIX shell would split it, without running a shell: whitespace
 * separates words, single quotes keep everything literally, double quotes keep spaces and let a backslash
 * escape `"`, `\`, `$` and a backtick, and a backslash outside quotes escapes the next character.
 * `{placeholders}` are ordinary characters here; they are expanded per run afterwards.
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  // '' quoted is still a word, so "is there a word" is not "is it non-empty".
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    const next = line[i + 1];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && next !== undefined && '"\\$`'.includes(next)) word += line[++i];
      else word += c;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (c === "'" || c === '"') quote = c;
      else if (c === '\\' && next !== undefined) word += line[++i];
      else word += c;
    }
  }
  if (quote !== null) throw invalidParameter(`unterminated ${quote} quote in the command`);
  if (inWord) words.push(word);
  return words;
}
