/**
 * Email settings from the environment. COURSE_SMTP_URL is the relay: `smtp://host:587` (STARTTLS
 * whenever the relay offers it), `smtps://host:465` (TLS from the start), with `user:password@`
 * for AUTH (percent-encode special characters). COURSE_MAIL_FROM is the sender, e.g.
 * `"Wyre Council Monitoring Officer" <monitoring.officer@wyre.gov.uk>`. Without COURSE_SMTP_URL
 * mail is off: nothing is sent and the admin pages say so. A relay with a private certificate
 * authority: give its certificate with NODE_EXTRA_CA_CERTS.
 */
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailConfig {
  url: string;
  from: string;
  /** The relay's host and port, for messages (never the password). */
  relay: string;
}

export type MailSetting = { on: true; config: MailConfig } | { on: false; reason: string };

export function mailSetting(env: NodeJS.ProcessEnv = process.env): MailSetting {
  const url = env.COURSE_SMTP_URL?.trim();
  if (!url) return { on: false, reason: 'Email is off: COURSE_SMTP_URL is not set, so no invitations or reminders are sent.' };
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || !/^smtps?:$/.test(parsed.protocol) || !parsed.hostname) {
    return { on: false, reason: 'Email is off: COURSE_SMTP_URL must look like smtp://user:password@relay.example.gov.uk:587 or smtps://relay.example.gov.uk:465.' };
  }
  const from = env.COURSE_MAIL_FROM?.trim();
  if (!from || !/@/.test(from)) {
    return { on: false, reason: 'Email is off: set COURSE_MAIL_FROM to the sender\'s address, e.g. "Monitoring Officer" <monitoring.officer@council.gov.uk>.' };
  }
  return { on: true, config: { url, from, relay: `${parsed.protocol}//${parsed.host}` } };
}

/** A message as the outbox holds it, ready for the relay. */
export interface Outgoing {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export type Send = (message: Outgoing) => Promise<void>;

/**
 * Sends through nodemailer. Timeouts are well under the outbox's lease (outbox.ts), so a send that
 * is still going is never taken over by another sender.
 */
export function smtpSender(config: MailConfig): { send: Send; close: () => void } {
  const transport: Transporter = nodemailer.createTransport(config.url, {
    from: config.from,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  } as Parameters<typeof nodemailer.createTransport>[1]);
  return {
    send: async (m) => {
      await transport.sendMail({ to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId });
    },
    close: () => transport.close(),
  };
}
