/**
 * Security headers on every response the server sends (security review row 13): static pages,
 * their assets, on-demand pages, API answers and redirects.
 *
 * Scripts and styles are governed by Astro's CSP (`security.csp` in astro.config.mjs): hashes in a
 * `<meta>` element on prerendered pages, a header on on-demand pages. A `<meta>` policy cannot
 * say `frame-ancestors`, so this second policy, sent as a header everywhere, does; it restricts
 * nothing the pages load, so the two never disagree about scripts or styles.
 */
import type { ServerResponse } from 'node:http';

/** The header policy: no framing (not even by same-site sibling subdomains), no plug-ins, no base or form retargeting. */
export const FRAME_POLICY = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/** The headers for this server: HSTS only when COURSE_PUBLIC_URL says the site is served over https. */
export function securityHeaders(publicUrl = process.env.COURSE_PUBLIC_URL ?? ''): Record<string, string> {
  return {
    'content-security-policy': FRAME_POLICY,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    ...(publicUrl.trim().toLowerCase().startsWith('https:') ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/**
 * Sets the headers on a Node response before anything else handles it (the server entry does this
 * for every request, so the adapter's static file handler, which bypasses middleware, sends them
 * too). An on-demand page's own headers replace these when it writes them.
 */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders())) res.setHeader(name, value);
}

/**
 * For an on-demand response (middleware): the same headers, where the route did not set its own.
 * An Astro page's CSP header (its scripts and styles) is kept and the frame policy added beside
 * it: a browser enforces both policies.
 */
export function withSecurityHeaders(response: Response): Response {
  let target = response;
  try {
    apply(target.headers);
  } catch {
    // Redirects have immutable headers: copy the response and set them on the copy.
    target = new Response(response.body, response);
    apply(target.headers);
  }
  return target;
}

function apply(headers: Headers): void {
  for (const [name, value] of Object.entries(securityHeaders())) {
    const current = headers.get(name);
    if (current === null) headers.set(name, value);
    else if (name === 'content-security-policy' && !current.includes('frame-ancestors')) headers.append(name, value);
  }
}
