import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken, Principal } from '../core/api-token.js';
import { invalidParameter, notFound } from '../core/errors.js';
import type { Store } from '../store/store.js';

const TOKEN_PREFIX = 'rt_';
const SECRET_BYTES = 32;
/** last_used_time is a "still in use?" hint: one write a minute per token, not one per request. */
const TOUCH_INTERVAL_MS = 60_000;
const MAX_NAME_LENGTH = 200;

export interface CreatedToken {
  token: ApiToken;
  /** The only time the secret exists outside the client that holds it. */
  secret: string;
}

/** Issues, lists, revokes and checks API tokens; the store keeps only each secret's SHA-256. */
export class ApiTokenService {
  private readonly lastTouched = new Map<number, number>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async create(name: string, { readOnly = false } = {}): Promise<CreatedToken> {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH) {
      throw invalidParameter(`A token's name is 1 to ${MAX_NAME_LENGTH} characters.`);
    }
    const secret = TOKEN_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');
    const token = await this.store.apiTokens.create({
      name: trimmed,
      tokenHash: hashOf(secret),
      readOnly,
      createdTime: this.now(),
    });
    return { token, secret };
  }

  list(): Promise<ApiToken[]> {
    return this.store.apiTokens.list();
  }

  async revoke(id: number): Promise<void> {
    if (!(await this.store.apiTokens.revoke(id, this.now())))
      throw notFound(`No live API token with id ${id}.`);
  }

  /** Whether any token is live: then a server that requires tokens when there are some does. */
  anyLive(): Promise<boolean> {
    return this.store.apiTokens.anyLive();
  }

  /** Who a presented secret is, if it is a live token's. */
  async authenticate(secret: string): Promise<Principal | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const token = await this.store.apiTokens.findLive(hashOf(secret));
    return token && this.used(token);
  }

  /** The same for a token already authenticated once (a UI session): undefined once it is revoked. */
  async principal(id: number): Promise<Principal | undefined> {
    const token = await this.store.apiTokens.get(id);
    return token && token.revokedTime === null ? this.used(token) : undefined;
  }

  private async used(token: ApiToken): Promise<Principal> {
    const now = this.now();
    const last = this.lastTouched.get(token.id) ?? token.lastUsedTime ?? Number.NEGATIVE_INFINITY;
    if (now - last >= TOUCH_INTERVAL_MS) {
      this.lastTouched.set(token.id, now);
      await this.store.apiTokens.touch(token.id, now);
    }
    return { tokenId: token.id, readOnly: token.readOnly };
  }
}

function hashOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
