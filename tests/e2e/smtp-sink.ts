/**
 * A mail relay on loopback for tests: smtp-server, each message read back with mailparser. It can
 * demand STARTTLS and AUTH (a throwaway certificate from tls-proxy.ts), and hold its reply to a
 * message (`hold`) so a test can kill the sender mid-send. `accepted` holds only messages it
 * answered 250 to, as a real relay delivers only those; `received` also holds those it never answered.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { testCertificate } from './tls-proxy.ts';

export interface Delivered {
  mail: ParsedMail;
  to: string;
  messageId: string;
  /** Whether the session was encrypted (STARTTLS), and who signed in. */
  secure: boolean;
  user: string | undefined;
}

export interface Sink {
  port: number;
  accepted: Delivered[];
  received: Delivered[];
  /** While set, messages are read but not answered. */
  hold: boolean;
  /** The certificate's PEM file, for the sender's NODE_EXTRA_CA_CERTS (with `tls`). */
  caFile?: string;
  /** Waits until `accepted` has `n` messages (to `to`, if given). */
  waitFor(n: number, to?: string, ms?: number): Promise<Delivered[]>;
  /** The messages accepted for one address. */
  to(address: string): Delivered[];
  close(): Promise<void>;
}

export async function startSink(options: { tls?: { dir: string }; auth?: { user: string; pass: string } } = {}): Promise<Sink> {
  const certificate = options.tls ? testCertificate() : undefined;
  const sink: Sink = {
    port: 0, accepted: [], received: [], hold: false,
    async waitFor(n, to, ms = 20_000) {
      const deadline = Date.now() + ms;
      const mine = () => (to ? sink.to(to) : sink.accepted);
      while (mine().length < n) {
        if (Date.now() > deadline) throw new Error(`the relay accepted ${mine().length} messages${to ? ` to ${to}` : ''}, not ${n}, in ${ms} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return mine();
    },
    to: (address) => sink.accepted.filter((m) => m.to === address),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  if (certificate && options.tls) {
    sink.caFile = join(options.tls.dir, 'smtp-ca.pem');
    writeFileSync(sink.caFile, certificate.cert);
  }
  // Sessions whose sender went away: a held message on one of them was never answered, so never accepted.
  const closed = new Set<string>();
  const server = new SMTPServer({
    logger: false,
    ...(certificate ? { key: certificate.key, cert: certificate.cert } : {}),
    // Without a certificate of its own, offering STARTTLS would only fail the sender's check.
    disabledCommands: [...(certificate ? [] : ['STARTTLS']), ...(options.auth ? [] : ['AUTH'])],
    authOptional: !options.auth,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(async (mail) => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        const delivered = { mail, to, messageId: mail.messageId ?? '', secure: session.secure, user: session.user as string | undefined };
        sink.received.push(delivered);
        while (sink.hold && !closed.has(session.id)) await new Promise((r) => setTimeout(r, 20));
        if (closed.has(session.id)) return callback(new Error('the sender went away'));
        sink.accepted.push(delivered);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.server.address() as { port: number }).port;
  return sink;
}
