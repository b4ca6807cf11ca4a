import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { sessionQuery } from './session-query.js';
import { SignInPage } from './sign-in.js';

/** The UI itself, or the sign-in page while the server asks for a token this browser has not given. */
export function AuthGate({ children }: { children: ReactNode }) {
  const session = useQuery(sessionQuery);
  if (session.isPending) return null;
  // A server that cannot say (an older one, or down) gets the UI, whose pages show their own errors.
  if (session.data?.authRequired && !session.data.authenticated) return <SignInPage />;
  return children;
}
