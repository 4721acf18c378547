/**
 * Middleware for security review rows 13, 16 and 17: security headers on every on-demand
 * response, and a full, read-only or busy database answered with 503 and Retry-After, never a
 * bare 500; and, once a request is past the rate limits, a wait for the write lock that does not
 * block the event loop.
 */
import type { APIContext, MiddlewareHandler } from 'astro';
import { server } from './context.ts';
import { SESSION_COOKIE } from './admins.ts';
import { withSecurityHeaders } from './headers.ts';
import { unavailableResponse, waitForWriteLock } from './storage.ts';

/** Posts write; so does any admin request (the session's last use is recorded). GETs otherwise only read. */
const mayWrite = (request: Request, admin: boolean): boolean => admin || !['GET', 'HEAD', 'OPTIONS'].includes(request.method);

/** A request that may write waits here while another process holds the write lock (up to 5 s, then busy: 503). */
export async function waitToWrite(context: APIContext): Promise<void> {
  if (mayWrite(context.request, context.cookies.has(SESSION_COOKIE))) await waitForWriteLock(server().db);
}

/** Outermost: headers on the response, and 503 for storage that cannot be written. */
export const hardening: MiddlewareHandler = async (context, next) => {
  if (context.isPrerendered) return next();
  let response: Response;
  try {
    response = await next();
  } catch (error) {
    const unavailable = unavailableResponse(error, context.url.pathname);
    if (!unavailable) throw error;
    response = unavailable;
  }
  return withSecurityHeaders(response);
};
