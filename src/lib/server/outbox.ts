/**
 * The outbox: every email is a row before it is sent, and stays after. Exactly once, as far as SMTP
 * allows:
 * - a message's dedupe key (kind, member or officer, occasion) is unique, so the same reminder is
 *   never queued twice, however often or from however many processes the schedule runs;
 * - a sender claims a message (status `sending`) in a transaction before talking to the relay, and
 *   marks it `sent` only after the relay accepted it; another sender skips claimed messages;
 * - a claim older than the lease (the sender died mid-send: killed, power cut) is taken over and
 *   the message sent again, with the same Message-ID. That is the limit of SMTP: if the relay
 *   accepted it just before the crash, the member gets it twice, and mail programs that de-duplicate
 *   by Message-ID show it once. Nothing acknowledged is lost: a queued message stays until sent or failed.
 * Failures are retried with growing waits; after MAX_ATTEMPTS the message is `failed`, listed on
 * /admin/mail/ with its error until someone presses "Try again".
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { transaction } from './db.ts';
import type { MailKind } from '../mail-templates.ts';

export interface NewMessage {
  kind: MailKind;
  memberId?: number | undefined;
  adminId?: number | undefined;
  pack?: string | undefined;
  to: string;
  subject: string;
  text: string;
  html: string;
  key: string;
}

export interface OutboxRow {
  id: number;
  kind: MailKind;
  member_id: number | null;
  admin_id: number | null;
  pack: string | null;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  dedupe_key: string;
  message_id: string;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  next_try_at: string;
  claimed_at: string | null;
  sent_at: string | null;
  created_at: string;
}

export const MAX_ATTEMPTS = 5;
/** Minutes to wait after the 1st, 2nd, 3rd and 4th failure. */
export const BACKOFF_MINUTES = [1, 5, 30, 120] as const;

/** Seconds after which a claim is taken to belong to a sender that died (COURSE_MAIL_LEASE_SECONDS; default 5 minutes, longer than a send may take: mailer.ts). */
export const leaseSeconds = (): number => {
  const n = Number(process.env.COURSE_MAIL_LEASE_SECONDS);
  return Number.isFinite(n) && n > 0 ? n : 300;
};

/** Whether a message with this key was ever queued. */
export const wasQueued = (db: DatabaseSync, key: string): boolean =>
  db.prepare('SELECT 1 FROM mail_outbox WHERE dedupe_key = ?').get(key) !== undefined;

/** Queues a message unless its key was queued before; true when it is new. */
export function queue(db: DatabaseSync, m: NewMessage, now = new Date(), host = 'course.invalid'): boolean {
  const at = now.toISOString();
  const messageId = `<${randomBytes(12).toString('base64url')}.${now.getTime()}@${host}>`;
  const { changes } = db.prepare(`INSERT INTO mail_outbox (kind, member_id, admin_id, pack, to_address, subject, text, html, dedupe_key, message_id, next_try_at, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`)
    .run(m.kind, m.memberId ?? null, m.adminId ?? null, m.pack ?? null, m.to, m.subject, m.text, m.html, m.key, messageId, at, at);
  return Number(changes) === 1;
}

/** Claims the next message to send: queued and due, or claimed by a sender whose lease ran out. */
export function claimNext(db: DatabaseSync, now = new Date()): OutboxRow | undefined {
  return transaction(db, () => {
    const at = now.toISOString();
    const stale = new Date(now.getTime() - leaseSeconds() * 1000).toISOString();
    const row = db.prepare(`SELECT * FROM mail_outbox WHERE (status = 'queued' AND next_try_at <= ?) OR (status = 'sending' AND claimed_at <= ?)
      ORDER BY next_try_at, id LIMIT 1`).get(at, stale) as OutboxRow | undefined;
    if (!row) return undefined;
    db.prepare(`UPDATE mail_outbox SET status = 'sending', claimed_at = ?, attempts = attempts + 1 WHERE id = ?`).run(at, row.id);
    return { ...row, status: 'sending', claimed_at: at, attempts: row.attempts + 1 };
  });
}

export function markSent(db: DatabaseSync, id: number, now = new Date()): void {
  db.prepare(`UPDATE mail_outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?`).run(now.toISOString(), id);
}

/** After a failed try: queued again after a wait, or failed for good after MAX_ATTEMPTS. */
export function markFailed(db: DatabaseSync, row: Pick<OutboxRow, 'id' | 'attempts'>, error: string, now = new Date()): void {
  const wait = BACKOFF_MINUTES[Math.min(row.attempts, BACKOFF_MINUTES.length) - 1] ?? 1;
  const final = row.attempts >= MAX_ATTEMPTS;
  db.prepare('UPDATE mail_outbox SET status = ?, last_error = ?, next_try_at = ?, claimed_at = NULL WHERE id = ?')
    .run(final ? 'failed' : 'queued', error.slice(0, 1000), new Date(now.getTime() + wait * 60_000).toISOString(), row.id);
}

/** "Try again" on a failed message: queued now, with its tries counted from nothing. */
export function retry(db: DatabaseSync, id: number, now = new Date()): boolean {
  const { changes } = db.prepare(`UPDATE mail_outbox SET status = 'queued', attempts = 0, next_try_at = ? WHERE id = ? AND status = 'failed'`).run(now.toISOString(), id);
  return Number(changes) === 1;
}

/** Whether anything could be sent now: the schedule's cheap check. */
export const anythingToSend = (db: DatabaseSync, now = new Date()): boolean =>
  db.prepare(`SELECT 1 FROM mail_outbox WHERE (status = 'queued' AND next_try_at <= ?) OR (status = 'sending' AND claimed_at <= ?) LIMIT 1`)
    .get(now.toISOString(), new Date(now.getTime() - leaseSeconds() * 1000).toISOString()) !== undefined;

export function statusCounts(db: DatabaseSync): Record<OutboxRow['status'], number> {
  const counts = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of db.prepare('SELECT status, count(*) AS n FROM mail_outbox GROUP BY status').all() as { status: OutboxRow['status']; n: number }[]) counts[r.status] = r.n;
  return counts;
}

export const failedMessages = (db: DatabaseSync): OutboxRow[] =>
  db.prepare(`SELECT * FROM mail_outbox WHERE status = 'failed' ORDER BY created_at DESC LIMIT 500`).all() as unknown as OutboxRow[];

export const recentMessages = (db: DatabaseSync, limit = 50): OutboxRow[] =>
  db.prepare('SELECT * FROM mail_outbox ORDER BY id DESC LIMIT ?').all(limit) as unknown as OutboxRow[];

/** When each member was first invited (queued), by member ID. */
export function invitedMembers(db: DatabaseSync, ids?: readonly number[]): Map<number, string> {
  // Only the members asked about, when given: a page shows 100 of perhaps 20,000.
  const only = ids ? 'AND member_id IN (SELECT value FROM json_each(?))' : '';
  const rows = db.prepare(`SELECT member_id, min(created_at) AS at FROM mail_outbox
    WHERE kind = 'invitation' AND member_id IS NOT NULL ${only} GROUP BY member_id`).all(...(ids ? [JSON.stringify(ids)] : [])) as { member_id: number; at: string }[];
  return new Map(rows.map((r) => [r.member_id, r.at]));
}
