/** The cookie that ties a browser to a member after they open their personal course link. */
export const MEMBER_COOKIE = 'cc_member';

export function memberCookieOptions(url: URL) {
  const secure = url.protocol === 'https:' || (process.env.COURSE_PUBLIC_URL ?? '').startsWith('https:');
  // Lax, so the cookie is sent when the member comes back from a link in an email.
  return { sameSite: 'lax' as const, secure, path: '/', maxAge: 365 * 24 * 3600 };
}
