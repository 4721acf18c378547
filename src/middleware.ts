/**
 * The one place that reads the admin session cookie and the member's personal-link cookie. It sets `locals.admin`, and guards the admin
 * area: pages redirect to /admin/login/; so does a form posted after the session ended, its fields held for a few minutes so
 * nothing typed is lost (short-lived.ts); anything else (exports, scripts' requests) answers 401.
 */
import { defineMiddleware, sequence } from 'astro:middleware';
import type { APIContext, MiddlewareNext } from 'astro';
import { server } from './lib/server/context.ts';
import { SESSION_COOKIE, sessionAdmin } from './lib/server/admins.ts';
import { MEMBER_COOKIE } from './lib/server/member-link.ts';
import { memberByLink } from './lib/server/members.ts';
import { envLimit, RateLimiter } from './lib/server/rate-limit.ts';
import { clientAddress, crossSiteForm, proxyHint } from './lib/server/client.ts';
import { hardening, waitToWrite } from './lib/server/hardening.ts';
import { holdForm } from './lib/server/short-lived.ts';
import { readForm } from './lib/server/http.ts';
import { signOffPost } from './lib/server/sign-off-post.ts';

const OPEN = ['/admin/login', '/admin/setup'];

/** Logged once: why a form from the public address was refused (a proxy not trusted, or not sending X-Forwarded-*). */
let hinted = false;

/** Sign-ins, sign-offs and assessment starts per address per minute (COURSE_RATE_LOGIN, COURSE_RATE_SIGN_OFF, COURSE_RATE_ATTEMPT). */
const limits = {
  login: new RateLimiter(envLimit('COURSE_RATE_LOGIN', 20)),
  signOff: new RateLimiter(envLimit('COURSE_RATE_SIGN_OFF', 30)),
  attempt: new RateLimiter(envLimit('COURSE_RATE_ATTEMPT', 10)),
};

/** Which limit a POST counts against, if any. Starting an attempt writes a row (security review row 10). */
const limiterFor = (path: string): RateLimiter | undefined =>
  /^\/admin\/login\/?$/.test(path) ? limits.login
    : /^\/sign-off\/?$/.test(path) ? limits.signOff
      : /^\/[^/]+\/assessment\/?$/.test(path) ? limits.attempt
        : undefined;

const plain = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });

// Security headers, and 503 for a full or busy database: see hardening.ts. A sign-off post is
// handled last, past every check, before its page renders: see sign-off-post.ts.
export const onRequest = sequence(hardening, defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const path = context.url.pathname;
  // Astro's own origin check is off (astro.config.mjs): it cannot see through a reverse proxy.
  if (crossSiteForm(context)) {
    const hint = hinted ? undefined : proxyHint(context);
    if (hint) {
      hinted = true;
      console.warn(hint);
    }
    return new Response(`Cross-site ${context.request.method} form submissions are forbidden`, { status: 403 });
  }
  if (context.request.method === 'POST') {
    const verdict = limiterFor(path)?.take(clientAddress(context));
    if (verdict && !verdict.ok) {
      return plain(429, `Too many requests from your address. Try again in ${verdict.retryAfter} seconds.`, { 'retry-after': String(verdict.retryAfter) });
    }
  }
  await waitToWrite(context);
  return guarded(context, next, path);
}), signOffPost);

/**
 * A browser's form posted without a live session (it timed out while the officer typed): the sign-in page,
 * with the fields held server-side for 15 minutes under a one-time key, to send again after signing in
 * (accessibility review F1). A file upload cannot be held: the sign-in page asks for the file again.
 */
async function heldPost(context: APIContext, path: string): Promise<string | undefined> {
  if (context.request.method !== 'POST') return undefined;
  const type = (context.request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const back = path === '/admin/logout' || path === '/admin/logout/' ? '/admin/' : path;
  const next = `/admin/login/?next=${encodeURIComponent(back)}`;
  if (type === 'multipart/form-data') return `${next}&lost=file`;
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  if (back !== path) return next;
  try {
    const form = await readForm(context.request, 64 * 1024);
    return `${next}&held=${holdForm({ path, fields: [...form] })}`;
  } catch {
    return next;
  }
}

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
    const held = await heldPost(context, path);
    if (held) return context.redirect(held, 303);
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
