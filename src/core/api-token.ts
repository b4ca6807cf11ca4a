/** An API token as listed: never its secret, which exists only in the answer that created it. */
export interface ApiToken {
  id: number;
  name: string;
  readOnly: boolean;
  /** Reserved for project-scoped tokens; always null while they are not enforced. */
  project: string | null;
  createdTime: number;
  lastUsedTime: number | null;
  revokedTime: number | null;
}

/** A token the server accepted for a request. */
export interface Principal {
  tokenId: number;
  readOnly: boolean;
}

/**
 * When a server asks for a token: `auto` when the store holds a live one (a local, single-user store stays
 * open until someone creates a token), `required` always, `off` never (a process that owns the store).
 */
export type AuthMode = 'off' | 'auto' | 'required';
