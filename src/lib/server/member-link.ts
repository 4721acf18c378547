/**
 * The cookies that tie a browser to a member once they choose to continue from their personal course
 * link: the link's token (HttpOnly, read only by the middleware) and, readable by the page's script,
 * which course it is for. They last 30 days; opening the link again renews them, and "Not you? Leave
 * this course" clears them.
 */
import type { AstroCookies } from 'astro';
import { servedOverHttps } from './http.ts';

export const MEMBER_COOKIE = 'cc_member';
export const MEMBER_PACK_COOKIE = 'cc_member_pack';
export const MEMBER_COOKIE_DAYS = 30;

export function memberCookieOptions(url: URL) {
  // Lax, so the cookie is sent when the member comes back from a link in an email.
  return { sameSite: 'lax' as const, secure: servedOverHttps(url), path: '/', maxAge: MEMBER_COOKIE_DAYS * 24 * 3600 };
}

export function setMemberCookies(cookies: AstroCookies, url: URL, token: string, pack: string): void {
  cookies.set(MEMBER_COOKIE, token, { ...memberCookieOptions(url), httpOnly: true });
  // Not secret: tells the page's script which course to restore and report progress for.
  cookies.set(MEMBER_PACK_COOKIE, pack, { ...memberCookieOptions(url), httpOnly: false });
}

export function clearMemberCookies(cookies: AstroCookies): void {
  cookies.delete(MEMBER_COOKIE, { path: '/' });
  cookies.delete(MEMBER_PACK_COOKIE, { path: '/' });
}
