import { z } from 'zod';
import { json, route } from '../route.js';

const tag = 'Session';
const session = json(
  z.object({
    /** Whether this server asks for an API token now. */
    auth_required: z.boolean(),
    /** Whether this request carried a valid one (header or session cookie). */
    authenticated: z.boolean(),
    read_only: z.boolean(),
  }),
);

/** The web UI's sign-in: a token traded for an HttpOnly session cookie. Open without a token. */
export const sessionRoutes = {
  get: route({
    method: 'GET',
    path: '/api/v1/session',
    summary: 'Whether the server asks for an API token, and whether this request has one',
    tag,
    response: session,
  }),
  signIn: route({
    method: 'POST',
    path: '/api/v1/session',
    summary: 'Sign in with an API token: sets an HttpOnly, SameSite=Strict session cookie',
    tag,
    body: z.strictObject({ token: z.string().min(1).max(200) }),
    response: session,
  }),
  signOut: route({
    method: 'DELETE',
    path: '/api/v1/session',
    summary: "End this browser's session",
    tag,
    response: session,
  }),
} as const;
