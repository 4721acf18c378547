/**
 * The one place that reads the admin session cookie and the member's personal-link cookie. It sets `locals.admin`, and guards the admin
 * area: pages redirect to /admin/login/, anything else (posts, exports) answers 401.
 */
import { defineMiddleware } from 'astro:middleware';
import { server } from './lib/server/context.ts';
import { SESSION_COOKIE, sessionAdmin } from './lib/server/admins.ts';
import { MEMBER_COOKIE } from './lib/server/member-link.ts';
import { memberByLink } from './lib/server/members.ts';

const OPEN = ['/admin/login', '/admin/setup'];

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const path = context.url.pathname;
  const cookie = context.cookies.get(SESSION_COOKIE)?.value;
  if (cookie) {
    context.locals.admin = sessionAdmin(server().db, cookie);
    context.locals.session = context.locals.admin ? cookie : undefined;
  }
  const link = context.cookies.get(MEMBER_COOKIE)?.value;
  if (link) context.locals.member = memberByLink(server().db, link);
  const adminArea = path === '/admin' || path.startsWith('/admin/');
  const open = OPEN.some((p) => path === p || path.startsWith(`${p}/`));
  if (adminArea && !open && !context.locals.admin) {
    const page = context.request.method === 'GET' && !/\.(csv|json|pdf)$/.test(path);
    if (page) return context.redirect(`/admin/login/?next=${encodeURIComponent(path)}`, 303);
    return new Response(JSON.stringify({ error: 'Sign in as an administrator first.' }), {
      status: 401,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const response = await next();
  if (adminArea) {
    try {
      response.headers.set('cache-control', 'no-store');
    } catch {
      // Redirect responses have immutable headers; they carry no data to cache.
    }
  }
  return response;
});
