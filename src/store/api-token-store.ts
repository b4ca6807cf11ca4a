import type { ApiToken } from '../core/api-token.js';

export interface NewApiToken {
  name: string;
  /** SHA-256 of the secret, hex: the secret itself is never stored. */
  tokenHash: string;
  readOnly: boolean;
  createdTime: number;
}

/** API tokens, found by the hash of their secret. */
export interface ApiTokenStore {
  create(token: NewApiToken): Promise<ApiToken>;
  /** Every token, revoked ones included, oldest first. */
  list(): Promise<ApiToken[]>;
  /** The unrevoked token with this hash. */
  findLive(tokenHash: string): Promise<ApiToken | undefined>;
  get(id: number): Promise<ApiToken | undefined>;
  /** Whether any token is unrevoked (the server then requires one). */
  anyLive(): Promise<boolean>;
  /** False when no unrevoked token has this id. */
  revoke(id: number, now: number): Promise<boolean>;
  touch(id: number, now: number): Promise<void>;
}
