/**
 * Who sent a request, and the address their browser used. Behind a reverse proxy that ends HTTPS, the
 * socket peer is the proxy and the URL Astro builds is `http://<Host>/…`; the proxy says what it saw in
 * X-Forwarded-For, -Proto and -Host. Anyone can send those headers, so they count only when the peer is
 * one of COURSE_TRUST_PROXY's addresses. (`clientAddress` from Astro is the socket peer because
 * astro.config.mjs sets no `security.allowedDomains`; with it, Astro would believe X-Forwarded-For from anyone.)
 */
import { configuredPublicUrl, normaliseAddress, trustedProxies } from './deployment.ts';

/** What this reads from an Astro context (a test can make one). */
export interface Arrival {
  request: Request;
  url: URL;
  clientAddress: string;
}

const fromTrustedProxy = (arrival: Arrival): boolean => trustedProxies().has(normaliseAddress(arrival.clientAddress));

/** A forwarded header's values, every line and comma-separated item, in order. */
const forwarded = (arrival: Arrival, name: string): string[] =>
  (arrival.request.headers.get(name) ?? '').split(',').map((v) => v.trim()).filter(Boolean);

/**
 * The client's address: the socket peer, or, from a trusted proxy, the right-most X-Forwarded-For
 * address that is not itself a trusted proxy (the ones left of it are the client's to write).
 */
export function clientAddress(arrival: Arrival): string {
  const trusted = trustedProxies();
  let address = normaliseAddress(arrival.clientAddress) || arrival.clientAddress;
  if (!trusted.has(address)) return address;
  for (const hop of forwarded(arrival, 'x-forwarded-for').reverse()) {
    const next = normaliseAddress(hop);
    if (!next) return address; // unreadable: the hop that wrote it is the last one known
    address = next;
    if (!trusted.has(address)) return address;
  }
  return address;
}

/** The origin the browser used: from a trusted proxy its X-Forwarded-Proto and -Host (right-most, the proxy's own), else the request's. */
export function seenOrigin(arrival: Arrival): string {
  const { url } = arrival;
  if (!fromTrustedProxy(arrival)) return url.origin;
  const proto = forwarded(arrival, 'x-forwarded-proto').at(-1)?.toLowerCase();
  const protocol = proto === 'http' || proto === 'https' ? proto : url.protocol.slice(0, -1);
  const host = forwarded(arrival, 'x-forwarded-host').at(-1);
  const candidate = host && !/[/\\@?#\s]/.test(host) && URL.canParse(`${protocol}://${host}`) ? new URL(`${protocol}://${host}`) : undefined;
  return candidate ? candidate.origin : new URL(`${protocol}://${url.host}`).origin;
}

/** The request's URL as the browser saw it (for `servedOverHttps`, which sets cookies Secure). */
export const seenUrl = (arrival: Arrival): URL => new URL(`${arrival.url.pathname}${arrival.url.search}`, seenOrigin(arrival));

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Astro's `security.checkOrigin` rule (turned off in astro.config.mjs, as it cannot see through a proxy),
 * with the origin the browser used: a form post, any unsafe request without a content type, and any unsafe
 * request to /admin/, must come from this site's own origin; with COURSE_PUBLIC_URL set, only from that one.
 */
export function crossSiteForm(arrival: Arrival): boolean {
  const { request } = arrival;
  if (SAFE_METHODS.includes(request.method)) return false;
  const type = request.headers.get('content-type');
  // Every unsafe request to the admin area must come from the site, whatever its type: a roster sent as
  // text/csv is otherwise kept off only by the browser's CORS preflight (security review row 24).
  const adminArea = /^\/admin(\/|$)/.test(arrival.url.pathname);
  if (!adminArea && type !== null && !FORM_TYPES.some((form) => type.toLowerCase().includes(form))) return false;
  const origin = seenOrigin(arrival);
  const publicUrl = configuredPublicUrl();
  return request.headers.get('origin') !== origin || (publicUrl !== undefined && origin !== publicUrl);
}

/**
 * When a form from the public address is refused because the request did not arrive as that address, a
 * line for the server's log saying what to set (a proxy not trusted, or not sending the headers).
 */
export function proxyHint(arrival: Arrival): string | undefined {
  const publicUrl = configuredPublicUrl();
  if (!publicUrl || arrival.request.headers.get('origin') !== publicUrl) return undefined;
  const seen = seenOrigin(arrival);
  if (seen === publicUrl) return undefined;
  return fromTrustedProxy(arrival)
    ? `A form from ${publicUrl} was refused: the proxy at ${arrival.clientAddress} forwarded it as ${seen}. Have it send X-Forwarded-Proto and X-Forwarded-Host (or the public Host).`
    : `A form from ${publicUrl} was refused: it reached the server as ${seen} from ${arrival.clientAddress}. If that is the reverse proxy, add its address to COURSE_TRUST_PROXY.`;
}
