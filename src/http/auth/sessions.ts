const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const MAX_SESSIONS = 10_000;

/**
 * The web UI's sessions: a random id (the cookie's value) → the token that signed in. In memory, so a
 * restart signs everyone out; every use re-checks the token, so revoking it ends its sessions too.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, { tokenId: number; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  open(tokenId: number): string {
    const id = randomId();
    this.sessions.set(id, { tokenId, expiresAt: this.now() + SESSION_TTL_MS });
    // A Map iterates in insertion order: past the cap, the oldest sessions go first.
    for (const oldest of this.sessions.keys()) {
      if (this.sessions.size <= MAX_SESSIONS) break;
      this.sessions.delete(oldest);
    }
    return id;
  }

  tokenOf(id: string): number | undefined {
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session.tokenId;
  }

  close(id: string): void {
    this.sessions.delete(id);
  }
}

export const SESSION_MAX_AGE_S = SESSION_TTL_MS / 1000;

function randomId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
