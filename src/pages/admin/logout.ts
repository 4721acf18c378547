/** `POST /admin/logout/`: ends the session and clears the cookie. */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { logout, SESSION_COOKIE } from '../../lib/server/admins.ts';

export const prerender = false;

export const POST: APIRoute = ({ locals, cookies, redirect }) => {
  if (locals.session && locals.admin) logout(server().db, locals.session, locals.admin.email);
  cookies.delete(SESSION_COOKIE, { path: '/' });
  return redirect('/admin/login/', 303);
};
