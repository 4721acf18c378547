/**
 * The one place that reads the admin session cookie and the member's personal-link cookie. It sets `locals.admin`, and guards the admin
 * area: pages redirect to /admin/login/, anything else (posts, exports) answers 401.
 */
import { defineMiddleware, sequence } from 'astro:middleware';
import type { APIContext, MiddlewareNext } from 'astro';
import { server } from './lib/server/context.ts';
import { SESSION_COOKIE, sessionAdmin } from './lib/server/admins.ts';
import { MEMBER_COOKIE } from './lib/server/member-link.ts';
import { memberByLink } from './lib/server/members.ts';
import { envLimit, RateLimiter } from './lib/server/rate-limit.ts';
import { hardening, waitToWrite } from './lib/server/hardening.ts';

const OPEN = ['/admin/login', '/admin/setup'];

/** Sign-ins and sign-offs per address per minute (COURSE_RATE_LOGIN, COURSE_RATE_SIGN_OFF). */
const limits = {
  login: new RateLimiter(envLimit('COURSE_RATE_LOGIN', 20)),
  signOff: new RateLimiter(envLimit('COURSE_RATE_SIGN_OFF', 30)),
};

const plain = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });

// Security headers, and 503 for a full or busy database: see hardening.ts.
export const onRequest = sequence(hardening, defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const path = context.url.pathname;
  if (context.request.method === 'POST') {
    const limiter = /^\/admin\/login\/?$/.test(path) ? limits.login : /^\/sign-off\/?$/.test(path) ? limits.signOff : undefined;
    const verdict = limiter?.take(context.clientAddress);
    if (verdict && !verdict.ok) {
      return plain(429, `Too many requests from your address. Try again in ${verdict.retryAfter} seconds.`, { 'retry-after': String(verdict.retryAfter) });
    }
  }
  await waitToWrite(context);
  return guarded(context, next, path);
}));

async function guarded(context: APIContext, next: MiddlewareNext, path: string): Promise<Response> {
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
}
