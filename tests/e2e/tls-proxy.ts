/**
 * A small TLS-terminating reverse proxy on loopback, as a council runs nginx in front of the course: it
 * ends HTTPS with a throwaway self-signed certificate (made with `openssl` for each run) and forwards
 * over HTTP with X-Forwarded-Proto, X-Forwarded-Host and X-Forwarded-For (appending the peer, like
 * nginx's $proxy_add_x_forwarded_for). Host is the upstream's, like nginx's default.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, request as httpsRequest, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A self-signed certificate for localhost and 127.0.0.1, valid two days: for tests only. */
export function testCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'tls-proxy-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'pipe' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface TlsProxy {
  /** `https://localhost:<port>`, the public URL. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` and forwards everything to the HTTP server at `upstream` (`http://127.0.0.1:<port>`). */
export async function startTlsProxy(upstream: string, port: number): Promise<TlsProxy> {
  const target = new URL(upstream);
  const server: Server = createServer(testCertificate(), (req, res) => {
    const seen = req.headers['x-forwarded-for'];
    const headers = {
      ...req.headers,
      host: target.host,
      'x-forwarded-proto': 'https',
      'x-forwarded-host': req.headers.host ?? '',
      'x-forwarded-for': seen ? `${seen}, ${req.socket.remoteAddress}` : req.socket.remoteAddress!,
    };
    const forward = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end('Bad gateway\n'));
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `https://localhost:${port}`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/**
 * A form post over HTTPS (to the proxy) or HTTP (straight to the server) from the loopback address
 * `from`, so tests can be several clients; the certificate is not checked. Answers the status.
 */
export function postFrom(from: string, url: string, headers: Record<string, string>, body: string): Promise<number> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send({
      host: '127.0.0.1', port: target.port, path: target.pathname, method: 'POST', localAddress: from, rejectUnauthorized: false,
      headers: { host: target.host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)), ...headers },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
}
