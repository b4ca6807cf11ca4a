import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ratchet } from '../api.js';
import { sessionQuery } from './session-query.js';

/** "Sign out", shown only to a browser signed in with a token. */
export function SignOutButton() {
  const session = useQuery(sessionQuery);
  const client = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => ratchet.session.signOut(),
    onSuccess: (state) => {
      // What this browser read while signed in is not kept for whoever uses it next.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      client.setQueryData(sessionQuery.queryKey, state);
    },
  });
  if (!session.data?.authRequired || !session.data.authenticated) return null;
  return (
    <button
      type="button"
      className="header-link"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      Sign out
    </button>
  );
}
