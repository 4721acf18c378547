/** The cookie that ties a browser to a member after they open their personal course link. */
import { servedOverHttps } from './http.ts';
export const MEMBER_COOKIE = 'cc_member';

export function memberCookieOptions(url: URL) {
  // Lax, so the cookie is sent when the member comes back from a link in an email.
  return { sameSite: 'lax' as const, secure: servedOverHttps(url), path: '/', maxAge: 365 * 24 * 3600 };
}
