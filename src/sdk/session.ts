import { api } from '../contract/index.js';
import type { Transport } from './transport.js';

export interface SessionState {
  /** Whether the server asks for an API token now. */
  authRequired: boolean;
  authenticated: boolean;
  readOnly: boolean;
}

/** A browser's sign-in: a token traded for the server's HttpOnly session cookie (which fetch then sends). */
export class SessionClient {
  constructor(private readonly transport: Transport) {}

  async state(): Promise<SessionState> {
    return stateOf(await this.transport.call(api.session.get, {}));
  }

  async signIn(token: string): Promise<SessionState> {
    return stateOf(await this.transport.call(api.session.signIn, { body: { token } }));
  }

  async signOut(): Promise<SessionState> {
    return stateOf(await this.transport.call(api.session.signOut, {}));
  }
}

function stateOf(wire: { auth_required: boolean; authenticated: boolean; read_only: boolean }): SessionState {
  return { authRequired: wire.auth_required, authenticated: wire.authenticated, readOnly: wire.read_only };
}
