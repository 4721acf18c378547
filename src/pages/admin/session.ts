/**
 * `POST /admin/session`: "Stay signed in". The middleware has already renewed the session's idle
 * timer by seeing this request; this answers how long it now has (the warning script reschedules).
 */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { sessionLeft } from '../../lib/server/session-left.ts';
import { json } from '../../lib/server/http.ts';

export const prerender = false;

export const POST: APIRoute = ({ locals }) => {
  const left = locals.session ? sessionLeft(server().db, locals.session) : undefined;
  return left ? json(200, left) : json(401, { error: 'Sign in as an administrator first.' });
};
