import { type Command, Option } from 'commander';

export interface AuthFlags {
  auth?: 'auto' | 'required';
  insecureNoAuth?: boolean;
}

/** `--auth` and `--insecure-no-auth`, for the commands that listen (`server`, `serve`). */
export function authFlags(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--auth <mode>',
        'when requests need an API token: auto = once the store holds a live one (`ratchet token create`); required = always',
      )
        .choices(['auto', 'required'])
        .default('auto'),
    )
    .option(
      '--insecure-no-auth',
      'listen on a non-loopback --host with no token required (anyone who can reach it can change or delete everything)',
    );
}

/** The flags as the server takes them. */
export function serverAuth(o: AuthFlags): { auth: 'auto' | 'required'; insecureNoAuth: boolean } {
  return { auth: o.auth ?? 'auto', insecureNoAuth: o.insecureNoAuth ?? false };
}
