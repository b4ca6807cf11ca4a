import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { ratchet } from '../api.js';

/** Whether the server asks for a token and whether this browser's session has one. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: () => ratchet.session.state(),
  staleTime: Number.POSITIVE_INFINITY,
});

/** A 401 anywhere means the session ended (expired, token revoked): ask again, which shows the sign-in. */
export function recheckSessionOn401(client: QueryClient, error: unknown): void {
  if ((error as { status?: unknown } | null)?.status === 401) {
    void client.invalidateQueries({ queryKey: sessionQuery.queryKey });
  }
}
