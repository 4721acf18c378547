/**
 * How the course is deployed, from the environment: its public address (COURSE_PUBLIC_URL), the
 * reverse proxies whose X-Forwarded-* headers are believed (COURSE_TRUST_PROXY), and the address the
 * server was started on. `npm start` checks them before serving (deploymentReport).
 */
import { isIP } from 'node:net';

/** An IP address as written in a header or a setting, without brackets or port; IPv4-mapped IPv6 as IPv4. '' if it is not one. */
export function normaliseAddress(text: string): string {
  let address = text.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':')); // IIS sends "a.b.c.d:port"
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) ? address : '';
}

/** COURSE_PUBLIC_URL as an origin (`https://learning.example.gov.uk`), or undefined if unset. Throws a plain message if it is not an http(s) origin. */
export function parsePublicUrl(value: string | undefined): string | undefined {
  const text = value?.trim().replace(/\/+$/, '');
  if (!text) return undefined;
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.pathname !== '/' || url.search || url.hash || text.includes('?') || text.includes('#')) {
    throw new Error(
      `COURSE_PUBLIC_URL must be the address people use to open the course, such as https://learning.example.gov.uk: ` +
        `http:// or https://, a host name and, if needed, a port, with no path, query or #. It is "${value}".`,
    );
  }
  return url.origin;
}

/** COURSE_TRUST_PROXY: the reverse proxies' IP addresses, comma-separated. Throws a plain message for anything that is not an address. */
export function parseTrustedProxies(value: string | undefined): ReadonlySet<string> {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  const addresses = entries.map((entry) => {
    const address = normaliseAddress(entry);
    if (!address || entry.includes('/')) {
      throw new Error(
        `COURSE_TRUST_PROXY must list the reverse proxy's IP addresses, separated by commas, such as 127.0.0.1,::1 ` +
          `(ranges are not accepted). "${entry}" is not an IP address.`,
      );
    }
    return address;
  });
  return new Set(addresses);
}

/** The address the server was started on (HOST, PORT; HTTPS when the adapter has SERVER_CERT_PATH and SERVER_KEY_PATH). */
export function startOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const protocol = env.SERVER_CERT_PATH && env.SERVER_KEY_PATH ? 'https' : 'http';
  let host = env.HOST?.trim() || 'localhost';
  if (['0.0.0.0', '::', '[::]'].includes(host)) host = 'localhost'; // listening everywhere: the machine itself is one of them
  if (isIP(host) === 6) host = `[${host}]`;
  return `${protocol}://${host}:${env.PORT?.trim() || '4321'}`;
}

// Parsed once per value: the middleware asks on every request.
const memo = new Map<string, unknown>();
const once = <T>(key: string, make: () => T): T => {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as T;
};

/** COURSE_PUBLIC_URL, checked; undefined when unset. */
export const configuredPublicUrl = (): string | undefined =>
  once(`public:${process.env.COURSE_PUBLIC_URL ?? ''}`, () => parsePublicUrl(process.env.COURSE_PUBLIC_URL));

/** COURSE_TRUST_PROXY, checked; empty (trust no proxy) when unset. */
export const trustedProxies = (): ReadonlySet<string> =>
  once(`trust:${process.env.COURSE_TRUST_PROXY ?? ''}`, () => parseTrustedProxies(process.env.COURSE_TRUST_PROXY));

/** The site's address for links people keep (certificates, personal links): COURSE_PUBLIC_URL, else where the server was started; never a request's Host. */
export const publicOrigin = (): string => configuredPublicUrl() ?? startOrigin();

/**
 * For `npm start`: problems that stop it (`errors`) and lines to print (`notes`), such as the
 * warning that COURSE_PUBLIC_URL is unset.
 */
export function deploymentReport(env: NodeJS.ProcessEnv = process.env): { errors: string[]; notes: string[] } {
  const errors: string[] = [];
  const notes: string[] = [];
  let publicUrl: string | undefined;
  try {
    publicUrl = parsePublicUrl(env.COURSE_PUBLIC_URL);
  } catch (error) {
    errors.push((error as Error).message);
  }
  if (!publicUrl && errors.length === 0) {
    notes.push(
      `Warning: COURSE_PUBLIC_URL is not set, so certificates and personal links point at ${startOrigin(env)}. ` +
        'In production set it to the address people use, such as https://learning.example.gov.uk.',
    );
  }
  try {
    const proxies = parseTrustedProxies(env.COURSE_TRUST_PROXY);
    if (proxies.size > 0) notes.push(`Trusting X-Forwarded-For, -Proto and -Host from the reverse proxy at ${[...proxies].join(', ')}.`);
  } catch (error) {
    errors.push((error as Error).message);
  }
  return { errors, notes };
}
