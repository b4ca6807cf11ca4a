/** Characters a POSIX shell reads literally, so an argument made only of them needs no quotes. */
const PLAIN = /^[\w@%+=:,./-]+$/;

/** The command line as one could paste it into a POSIX shell to run the same argv. */
export function shellQuote(argv: readonly string[]): string {
  return argv.map(quoteArgument).join(' ');
}

function quoteArgument(argument: string): string {
  if (PLAIN.test(argument)) return argument;
  return `'${argument.replaceAll("'", `'\\''`)}'`;
}
