/**
 * Behind a reverse proxy (security review rows 2, 4, 22): X-Forwarded-* count only from COURSE_TRUST_PROXY,
 * form posts are checked against the origin the browser used, and links use COURSE_PUBLIC_URL, never Host.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientAddress, crossSiteForm, proxyHint, seenOrigin, seenUrl, type Arrival } from '../../src/lib/server/client.ts';
import { deploymentReport, normaliseAddress, parsePublicUrl, parseTrustedProxies, publicOrigin, startOrigin } from '../../src/lib/server/deployment.ts';
import { servedOverHttps } from '../../src/lib/server/http.ts';

afterEach(() => vi.unstubAllEnvs());

const PUBLIC = 'https://learning.wyre.gov.uk';
/** A request as Astro's Node adapter builds it: `http://<Host>…`, with the socket peer as clientAddress. */
function arrival(peer: string, headers: Record<string, string> = {}, method = 'POST', host = 'learning.wyre.gov.uk', path = '/admin/login/'): Arrival {
  const url = new URL(`http://${host}${path}`);
  return { request: new Request(url, { method, headers }), url, clientAddress: peer };
}
const throughProxy = (more: Record<string, string> = {}) => ({
  origin: PUBLIC, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'learning.wyre.gov.uk', ...more,
});
const settings = (trust?: string, publicUrl?: string) => {
  vi.stubEnv('COURSE_TRUST_PROXY', trust ?? '');
  vi.stubEnv('COURSE_PUBLIC_URL', publicUrl ?? '');
};

describe('COURSE_TRUST_PROXY and COURSE_PUBLIC_URL', () => {
  it('reads addresses: IPv4-mapped IPv6 as IPv4, brackets and ports dropped', () => {
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('[::1]:8080')).toBe('::1');
    expect(normaliseAddress(' 203.0.113.9:51234 ')).toBe('203.0.113.9');
    expect(normaliseAddress('not-an-ip')).toBe('');
    expect([...parseTrustedProxies(' 127.0.0.1, ::1,::ffff:10.0.0.2 ')]).toEqual(['127.0.0.1', '::1', '10.0.0.2']);
    expect(parseTrustedProxies(undefined).size).toBe(0);
    expect(() => parseTrustedProxies('127.0.0.1,proxy.local')).toThrow(/"proxy.local" is not an IP address/);
    expect(() => parseTrustedProxies('10.0.0.0/8')).toThrow(/ranges are not accepted/);
  });

  it('accepts an http(s) origin as the public URL, and explains anything else', () => {
    expect(parsePublicUrl('https://Learning.Wyre.gov.uk/')).toBe(PUBLIC);
    expect(parsePublicUrl('http://localhost:8080')).toBe('http://localhost:8080');
    expect(parsePublicUrl('  ')).toBeUndefined();
    for (const bad of ['learning.wyre.gov.uk', 'ftp://x.gov.uk', 'https://x.gov.uk/course', 'https://x.gov.uk/?a=1', 'https://x.gov.uk?', 'https://x.gov.uk#top', 'https://me:pw@x.gov.uk']) {
      expect(() => parsePublicUrl(bad), bad).toThrow(/COURSE_PUBLIC_URL must be the address people use/);
    }
  });

  it('npm start stops on a bad setting and warns when COURSE_PUBLIC_URL is unset', () => {
    expect(deploymentReport({ COURSE_PUBLIC_URL: 'https://x.gov.uk/course' }).errors).toHaveLength(1);
    expect(deploymentReport({ COURSE_TRUST_PROXY: 'nginx' }).errors[0]).toMatch(/COURSE_TRUST_PROXY/);
    const unset = deploymentReport({ HOST: '127.0.0.1', PORT: '8080' });
    expect(unset.errors).toEqual([]);
    expect(unset.notes.join('\n')).toMatch(/COURSE_PUBLIC_URL is not set.*http:\/\/127\.0\.0\.1:8080/);
    expect(deploymentReport({ COURSE_PUBLIC_URL: PUBLIC, COURSE_TRUST_PROXY: '::1' }).notes).toEqual([expect.stringMatching(/Trusting .* ::1/)]);
  });
});

describe('links printed for people to keep (row 22)', () => {
  it('use COURSE_PUBLIC_URL, else the address the server was started on; never a Host header', () => {
    settings(undefined, PUBLIC);
    expect(publicOrigin()).toBe(PUBLIC);
    settings();
    vi.stubEnv('HOST', '0.0.0.0');
    vi.stubEnv('PORT', '8080');
    expect(publicOrigin()).toBe('http://localhost:8080');
    expect(startOrigin({ HOST: '::1', PORT: '4400' })).toBe('http://[::1]:4400');
    expect(startOrigin({})).toBe('http://localhost:4321');
  });
});

describe('the client address (row 4)', () => {
  it('is the socket peer unless the peer is a trusted proxy: X-Forwarded-For from anyone else changes nothing', () => {
    settings();
    expect(clientAddress(arrival('127.0.0.1', { 'x-forwarded-for': '198.51.100.7' }))).toBe('127.0.0.1');
    settings('127.0.0.1');
    expect(clientAddress(arrival('203.0.113.5', { 'x-forwarded-for': '198.51.100.7' }))).toBe('203.0.113.5');
    expect(clientAddress(arrival('::ffff:203.0.113.5'))).toBe('203.0.113.5');
  });

  it('from a trusted proxy, is the right-most X-Forwarded-For address that is not a trusted proxy', () => {
    settings('127.0.0.1, ::1, 10.0.0.2');
    expect(clientAddress(arrival('::ffff:127.0.0.1', { 'x-forwarded-for': '198.51.100.7' }))).toBe('198.51.100.7');
    // The client wrote the left-most entries; the proxy appended what it saw.
    expect(clientAddress(arrival('127.0.0.1', { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' }))).toBe('198.51.100.7');
    expect(clientAddress(arrival('127.0.0.1', { 'x-forwarded-for': '6.6.6.6, 198.51.100.7:5123, 10.0.0.2' }))).toBe('198.51.100.7');
    // Unreadable: the hop that wrote it is the last one known. No header: the proxy itself.
    expect(clientAddress(arrival('127.0.0.1', { 'x-forwarded-for': '198.51.100.7, junk, 10.0.0.2' }))).toBe('10.0.0.2');
    expect(clientAddress(arrival('127.0.0.1'))).toBe('127.0.0.1');
    // Every hop a trusted proxy: the furthest one.
    expect(clientAddress(arrival('127.0.0.1', { 'x-forwarded-for': '10.0.0.2, ::1' }))).toBe('10.0.0.2');
  });
});

describe('the origin check (row 2)', () => {
  it('accepts a form through a trusted proxy that ended HTTPS, as the public URL', () => {
    settings('127.0.0.1', PUBLIC);
    const request = arrival('127.0.0.1', throughProxy());
    expect(seenOrigin(request)).toBe(PUBLIC);
    expect(crossSiteForm(request)).toBe(false);
    expect(proxyHint(request)).toBeUndefined();
    // The proxy may pass the public Host instead of X-Forwarded-Host.
    expect(crossSiteForm(arrival('127.0.0.1', throughProxy({ 'x-forwarded-host': '' })))).toBe(false);
  });

  it('refuses the same request without COURSE_TRUST_PROXY, or from a peer not trusted (forwarded headers ignored)', () => {
    settings(undefined, PUBLIC);
    const request = arrival('127.0.0.1', throughProxy());
    expect(seenOrigin(request)).toBe('http://learning.wyre.gov.uk');
    expect(crossSiteForm(request)).toBe(true);
    expect(proxyHint(request)).toMatch(/add its address to COURSE_TRUST_PROXY/);
    settings('127.0.0.1', PUBLIC);
    expect(crossSiteForm(arrival('192.0.2.1', throughProxy()))).toBe(true);
  });

  it('refuses an admin post of any type from another site (a roster sent as text/csv: row 24), but not a JSON post elsewhere', () => {
    settings(undefined, undefined);
    const csv = (origin: string | undefined, path: string) =>
      arrival('192.0.2.9', { 'content-type': 'text/csv', ...(origin ? { origin } : {}) }, 'POST', 'learning.wyre.gov.uk', path);
    expect(crossSiteForm(csv('https://evil.example', '/admin/import/'))).toBe(true);
    expect(crossSiteForm(csv(undefined, '/admin/import/'))).toBe(true);
    expect(crossSiteForm(csv('http://learning.wyre.gov.uk', '/admin/import/'))).toBe(false);
    expect(crossSiteForm(csv('https://evil.example', '/api/verify'))).toBe(false);
  });

  it('with COURSE_PUBLIC_URL set, accepts no other origin, even one the request claims for itself', () => {
    settings('127.0.0.1', PUBLIC);
    const other = { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' };
    expect(crossSiteForm(arrival('127.0.0.1', throughProxy(other)))).toBe(true);
    expect(crossSiteForm(arrival('127.0.0.1', throughProxy({ 'x-forwarded-proto': 'http', origin: 'http://learning.wyre.gov.uk' })))).toBe(true);
    expect(proxyHint(arrival('127.0.0.1', throughProxy({ 'x-forwarded-proto': 'http' })))).toMatch(/Have it send X-Forwarded-Proto/);
  });

  it('without a proxy or a public URL, is Astro’s own rule: forms and untyped bodies from the request’s origin only', () => {
    settings();
    const direct = (headers: Record<string, string>, method = 'POST') => crossSiteForm(arrival('127.0.0.1', headers, method, '127.0.0.1:4321'));
    const form = 'application/x-www-form-urlencoded';
    expect(direct({ origin: 'http://127.0.0.1:4321', 'content-type': form })).toBe(false);
    for (const origin of [undefined, 'null', 'https://evil.example', 'http://127.0.0.1:4322', 'https://127.0.0.1:4321']) {
      for (const type of [form, 'multipart/form-data; boundary=x', 'TEXT/PLAIN', undefined]) {
        expect(direct({ ...(origin ? { origin } : {}), ...(type ? { 'content-type': type } : {}) }), `${origin} ${type}`).toBe(true);
      }
    }
    // CORS preflight guards these outside the admin area.
    expect(crossSiteForm(arrival('127.0.0.1', { origin: 'https://evil.example', 'content-type': 'application/json' }, 'POST', '127.0.0.1:4321', '/api/verify'))).toBe(false);
    expect(direct({ origin: 'https://evil.example', 'content-type': form }, 'GET')).toBe(false);
    expect(direct({ 'content-type': form }, 'PUT')).toBe(true);
  });
});

describe('Secure cookies', () => {
  it('follow a trusted X-Forwarded-Proto, or an https COURSE_PUBLIC_URL', () => {
    settings('127.0.0.1');
    expect(servedOverHttps(seenUrl(arrival('127.0.0.1', { 'x-forwarded-proto': 'https' })))).toBe(true);
    expect(servedOverHttps(seenUrl(arrival('192.0.2.1', { 'x-forwarded-proto': 'https' })))).toBe(false);
    expect(seenUrl(arrival('127.0.0.1', { 'x-forwarded-proto': 'https' })).href).toBe('https://learning.wyre.gov.uk/admin/login/');
    settings(undefined, PUBLIC);
    expect(servedOverHttps(seenUrl(arrival('192.0.2.1')))).toBe(true);
  });
});
