import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ratchet } from '../api.js';
import { errorMessage } from '../data/errors.js';
import { sessionQuery } from './session-query.js';

/** The page a server that asks for a token shows first: paste a token, get a session cookie. */
export function SignInPage() {
  const [token, setToken] = useState('');
  const client = useQueryClient();
  const signIn = useMutation({
    mutationFn: (value: string) => ratchet.session.signIn(value),
    onSuccess: (state) => {
      client.setQueryData(sessionQuery.queryKey, state);
      // Whatever failed for want of a session is read again.
      void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(token.trim());
  };
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Ratchet</span>
      </header>
      <main className="content">
        <form className="inline-form" data-testid="sign-in-form" onSubmit={submit}>
          <h2>Sign in</h2>
          <p className="muted">
            This server asks for an API token. Its administrator creates one with{' '}
            <code>ratchet token create NAME</code>.
          </p>
          <label>
            API token
            <input
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              required
              placeholder="rt_…"
              size={48}
            />
          </label>
          <button type="submit" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
          {signIn.isError && (
            <p className="error" role="alert">
              {errorMessage(signIn.error)}
            </p>
          )}
        </form>
      </main>
    </div>
  );
}
