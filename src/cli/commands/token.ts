import type { Command } from 'commander';
import type { ApiToken } from '../../core/api-token.js';
import { invalidParameter } from '../../core/errors.js';
import { formatDate } from '../../core/format.js';
import type { Services } from '../../server/services.js';
import { integerOption } from '../option-parsers.js';
import { show, table } from '../output.js';
import { STORE_OPTION_HELP, type StoreLocationOptions, storeLocation } from '../server-store.js';

interface TokenOptions extends StoreLocationOptions {
  json?: boolean;
}

interface CreateOptions extends TokenOptions {
  readOnly?: boolean;
  project?: string;
}

/**
 * `ratchet token create | list | revoke`: administration on the store itself, like `ratchet server --store`,
 * never over HTTP (the first token cannot need a token).
 */
export function registerToken(program: Command): void {
  const token = program
    .command('token')
    .description('API tokens a server asks for (on the store itself: --store, like `ratchet server`)');

  storeOptions(token.command('create <name>').description('create a token; its secret is shown once'))
    .option('--read-only', 'may read everything and change nothing')
    .option('--project <project>', 'limit the token to one project (not supported yet)')
    .action(async (name: string, o: CreateOptions) => {
      if (o.project !== undefined) {
        throw invalidParameter(
          'Project-scoped tokens are not supported yet: the server would not enforce the scope. Create an unscoped token (--read-only limits what it may do).',
        );
      }
      const { token: created, secret } = await withTokens(o, (tokens) =>
        tokens.create(name, { readOnly: o.readOnly ?? false }),
      );
      show(
        {
          json: { ...wire(created), token: secret },
          text: () => [
            `Created API token ${created.id} "${created.name}" (${access(created)}). Its secret, shown only now:`,
            secret,
            'Clients send it as Authorization: Bearer <token>: set RATCHET_TOKEN, or MLFLOW_TRACKING_TOKEN for MLflow clients.',
          ],
        },
        o,
      );
    });

  storeOptions(
    token.command('list').description('every token, revoked ones included (never their secrets)'),
  ).action(async (o: TokenOptions) => {
    const tokens = await withTokens(o, (service) => service.list());
    show({ json: tokens.map(wire), text: () => listLines(tokens) }, o);
  });

  storeOptions(token.command('revoke <id>').description('revoke a token: it is refused from now on')).action(
    async (id: string, o: TokenOptions) => {
      const number = integerOption('<id>', 1, Number.MAX_SAFE_INTEGER)(id);
      await withTokens(o, (tokens) => tokens.revoke(number));
      show({ json: { id: number, revoked: true }, text: () => `Revoked API token ${number}.` }, o);
    },
  );
}

function storeOptions(command: Command): Command {
  return command.option('--store <location>', STORE_OPTION_HELP).option('--json', 'machine-readable output');
}

/** The token service over the store, opened for this command alone. */
async function withTokens<T>(o: TokenOptions, work: (tokens: Services['tokens']) => Promise<T>): Promise<T> {
  const { store, artifacts } = storeLocation(o);
  const { openServer } = await import('../../server/open-server.js');
  const opened = await openServer(store, { artifactRoot: artifacts, auth: 'off' });
  try {
    return await work(opened.services.tokens);
  } finally {
    await opened.close();
  }
}

function access(token: ApiToken): string {
  return token.readOnly ? 'read-only' : 'read-write';
}

function listLines(tokens: readonly ApiToken[]): string[] {
  if (tokens.length === 0) return ['No API tokens: the server asks for none (on loopback).'];
  return [
    table(
      ['ID', 'NAME', 'ACCESS', 'CREATED', 'LAST USED', 'REVOKED'],
      tokens.map((t) => [
        t.id,
        t.name,
        access(t),
        formatDate(t.createdTime),
        t.lastUsedTime === null ? '—' : formatDate(t.lastUsedTime),
        t.revokedTime === null ? '—' : formatDate(t.revokedTime),
      ]),
    ),
  ];
}

function wire(token: ApiToken) {
  return {
    id: token.id,
    name: token.name,
    read_only: token.readOnly,
    created_time: token.createdTime,
    last_used_time: token.lastUsedTime,
    revoked_time: token.revokedTime,
  };
}
