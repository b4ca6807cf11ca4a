import { isIPv6 } from 'node:net';
import { type Command, InvalidArgumentError } from 'commander';

export interface PerimeterFlags {
  allowedHosts?: string[];
  corsOrigins?: string[];
}

/** Whom a server command answers: the host names and browser origins beyond its defaults. */
export function perimeterOf(o: PerimeterFlags) {
  return { perimeter: { allowedHosts: o.allowedHosts ?? [], corsOrigins: o.corsOrigins ?? [] } };
}

/** `--allowed-hosts` and `--cors-origins`, for the commands that start a server. */
export function addPerimeterOptions(command: Command): Command {
  return command
    .option(
      '--allowed-hosts <names>',
      'comma-separated host names the server answers besides localhost, 127.0.0.1, ::1 and --host ' +
        "(against DNS rebinding); '*' answers any",
      hostNames,
    )
    .option(
      '--cors-origins <origins>',
      'comma-separated origins (https://a.example) whose pages may call the API from a browser (default: none)',
      origins,
    );
}

function hostNames(raw: string): string[] {
  const names = list(raw);
  const bad = names.find((name) => !isIPv6(name.replace(/^\[(.*)\]$/, '$1')) && /[/:@[\]\s]/.test(name));
  if (names.length === 0 || bad !== undefined) {
    throw new InvalidArgumentError(`expected host names without scheme or port, e.g. ratchet.lan,10.0.0.5`);
  }
  return names;
}

function origins(raw: string): string[] {
  const values = list(raw);
  const bad = values.find((value) => !isOrigin(value));
  if (values.length === 0 || bad !== undefined) {
    throw new InvalidArgumentError(
      `expected origins such as https://a.example or http://localhost:3000 (scheme, host, port only)${bad === undefined ? '' : `, not '${bad}'`}`,
    );
  }
  return values;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '').toLowerCase();
  } catch {
    return false;
  }
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
