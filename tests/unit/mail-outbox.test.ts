/**
 * Personal links that can be sent again, and the outbox: queued once per occasion, claimed before
 * sending, retried with waits, failed after five tries, taken over after a crash with the same
 * Message-ID.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db.ts';
import { saveMember, memberByLink, regenerateLink, archiveMember } from '../../src/lib/server/members.ts';
import { currentLink, linkSecretPath } from '../../src/lib/server/links.ts';
import { sha256Hex } from '../../src/lib/digest.ts';
import { claimNext, markFailed, markSent, queue, retry, failedMessages, MAX_ATTEMPTS } from '../../src/lib/server/outbox.ts';
import { queueDigests, queueInvitations, queueReminders, sendQueued, type MailContext } from '../../src/lib/server/mailer.ts';
import { mailSetting, type Outgoing } from '../../src/lib/server/mail-config.ts';
import { notifyNewAdmin } from '../../src/lib/server/admin-mail.ts';
import { inviteAdmin } from '../../src/lib/server/admin-accounts.ts';

const dir = mkdtempSync(join(tmpdir(), 'mail-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => openDatabase(join(dir, `t${++n}.db`));
const add = (db: ReturnType<typeof fresh>, email: string, dueDate = '2030-03-31', name = 'Siân Llŷr') =>
  saveMember(db, null, { name, email, role: 'councillor', wardOrCommittee: 'Rossall', pack: 'wyre', dueDate }, 'test');
const ctx: MailContext = {
  origin: 'https://course.example',
  packs: new Map([['wyre', { policyVersion: '3', contentHash: 'h', refreshMonths: 12, council: 'Wyre Council', officer: 'Monitoring Officer', minutes: 42, templates: {} }]]),
};
const message = (key: string) => ({ kind: 'invitation' as const, to: 'a@example.org', subject: 's', text: 't', html: 'h', key });

describe('personal links', () => {
  it('are derived again, the same, however often they are shown or sent; a new one stops the old', () => {
    const db = fresh();
    const id = add(db, 'a@example.org');
    const first = currentLink(db, id)!;
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(currentLink(db, id)).toBe(first);
    expect(memberByLink(db, first)?.id).toBe(id);
    const second = regenerateLink(db, id, 'mo');
    expect(second).not.toBe(first);
    expect(memberByLink(db, first)).toBeUndefined();
    expect(currentLink(db, id)).toBe(second);
    // Only the hash is stored; the secret is beside the database, readable by its owner only.
    expect(db.prepare('SELECT count(*) AS n FROM members WHERE link_hash = ?').get(sha256Hex(second))).toEqual({ n: 1 });
    expect(statSync(linkSecretPath(join(dir, `t${n}.db`))).mode & 0o077).toBe(0);
  });
  it('made at random before keep working until a new link is made', () => {
    const db = fresh();
    const id = add(db, 'a@example.org');
    const legacy = 'L'.repeat(32);
    db.prepare('UPDATE members SET link_hash = ?, link_created_at = ? WHERE id = ?').run(sha256Hex(legacy), '2026-01-01T00:00:00Z', id);
    expect(memberByLink(db, legacy)?.id).toBe(id);
    const derived = currentLink(db, id)!;
    expect(memberByLink(db, legacy)?.id).toBe(id);
    expect(memberByLink(db, derived)?.id).toBe(id);
    regenerateLink(db, id, 'mo');
    expect(memberByLink(db, legacy)).toBeUndefined();
    expect(memberByLink(db, derived)).toBeUndefined();
  });
  it('stop on archiving, and do not come back when the member is restored', () => {
    const db = fresh();
    const id = add(db, 'a@example.org');
    const link = currentLink(db, id)!;
    archiveMember(db, id, 'mo');
    expect(memberByLink(db, link)).toBeUndefined();
    db.prepare('UPDATE members SET archived_at = NULL WHERE id = ?').run(id);
    expect(currentLink(db, id)).not.toBe(link);
  });
});

describe('the outbox', () => {
  it('queues a message once per key', () => {
    const db = fresh();
    expect(queue(db, message('invitation:1'))).toBe(true);
    expect(queue(db, message('invitation:1'))).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM mail_outbox').get()).toEqual({ n: 1 });
  });
  it('claims a message once; a claim older than the lease is taken over, with the same Message-ID', () => {
    const db = fresh();
    queue(db, message('k'));
    const t0 = new Date();
    const claimed = claimNext(db, t0)!;
    expect(claimed.attempts).toBe(1);
    expect(claimNext(db, t0)).toBeUndefined();
    expect(claimNext(db, new Date(t0.getTime() + 299_000))).toBeUndefined();
    const again = claimNext(db, new Date(t0.getTime() + 301_000))!;
    expect(again.message_id).toBe(claimed.message_id);
    expect(again.attempts).toBe(2);
    markSent(db, again.id);
    expect(claimNext(db, new Date(t0.getTime() + 10_000_000))).toBeUndefined();
  });
  it('waits longer after each failure, fails for good after five tries, and "Try again" queues it now', () => {
    const db = fresh();
    queue(db, message('k'));
    let t = Date.now();
    const waits: number[] = [];
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const row = claimNext(db, new Date(t))!;
      markFailed(db, row, `relay said no ${i}`, new Date(t));
      const next = (db.prepare('SELECT status, next_try_at FROM mail_outbox').get() as { status: string; next_try_at: string });
      if (i < MAX_ATTEMPTS) {
        expect(next.status).toBe('queued');
        waits.push((Date.parse(next.next_try_at) - t) / 60_000);
        expect(claimNext(db, new Date(t))).toBeUndefined();
        t = Date.parse(next.next_try_at);
      } else expect(next.status).toBe('failed');
    }
    expect(waits).toEqual([1, 5, 30, 120]);
    expect(failedMessages(db).map((m) => m.last_error)).toEqual(['relay said no 5']);
    expect(retry(db, failedMessages(db)[0]!.id)).toBe(true);
    expect(claimNext(db)?.attempts).toBe(1);
  });
});

describe('queueing and sending', () => {
  it('invites each member once with their current link; reminders only to the overdue member; a digest a week', async () => {
    const db = fresh();
    db.prepare("INSERT INTO admins (email, name, password_hash, created_at) VALUES ('mo@example.org', 'Morag', 'x', '2026-01-01')").run();
    const late = add(db, 'late@example.org', '2026-05-01', 'Late <Member>');
    const fine = add(db, 'fine@example.org', '2030-05-01');
    const now = new Date('2026-06-01T12:00:00Z');
    expect(queueInvitations(db, [late, fine], 'mo', ctx, { now })).toBe(2);
    expect(queueInvitations(db, [late, fine], 'mo', ctx, { now })).toBe(0);
    expect(queueInvitations(db, [late], 'mo', ctx, { again: true, now })).toBe(1);
    expect(queueInvitations(db, [late], 'mo', ctx, { again: true, now })).toBe(0);
    // Not on the day of the invitation; the day after, the overdue member only, once.
    expect(queueReminders(db, undefined, ctx, now)).toBe(0);
    const tomorrow = new Date('2026-06-02T12:00:00Z');
    expect(queueReminders(db, undefined, ctx, tomorrow)).toBe(1);
    expect(queueReminders(db, undefined, ctx, tomorrow)).toBe(0);
    expect(queueDigests(db, ctx, now)).toBe(1);
    expect(queueDigests(db, ctx, new Date('2026-06-03T12:00:00Z'))).toBe(0);
    const sent: Outgoing[] = [];
    expect(await sendQueued(db, async (m) => { sent.push(m); })).toEqual({ sent: 5, failed: 0 });
    const link = `https://course.example/c/${currentLink(db, late)}/`;
    const toLate = sent.filter((m) => m.to === 'late@example.org');
    expect(toLate.map((m) => m.subject)).toEqual(['Wyre Council: your social media course', 'Wyre Council: your social media course', 'Overdue: Wyre Council social media course']);
    expect(toLate.every((m) => m.text.includes(link))).toBe(true);
    expect(toLate[0]!.html).toContain('Dear Late &lt;Member&gt;,');
    expect(sent.filter((m) => m.to === 'fine@example.org')).toHaveLength(1);
    expect(sent.find((m) => m.to === 'mo@example.org')?.text).toContain('Wyre Council: 2 members');
    expect(new Set(sent.map((m) => m.messageId)).size).toBe(5);
  });
  it('keeps a message whose send failed, to try again later', async () => {
    const db = fresh();
    add(db, 'a@example.org');
    queueInvitations(db, [1], 'mo', ctx);
    expect(await sendQueued(db, async () => { throw new Error('connection refused'); })).toEqual({ sent: 0, failed: 1 });
    expect(db.prepare('SELECT status, attempts, last_error FROM mail_outbox').get()).toEqual({ status: 'queued', attempts: 1, last_error: 'connection refused' });
  });
});

describe('a colleague\'s setup link by email', () => {
  it('is queued only while email is on, with the link, and the inviter\'s name escaped in the HTML', async () => {
    const db = fresh();
    const adminId = inviteAdmin(db, { email: 'clerk@example.org', name: 'Rhiannon Ward', packs: [] }, 'mo').id;
    const notice = { adminId, email: 'clerk@example.org', name: 'Rhiannon <b>Ward</b>', link: 'https://course.example/admin/setup/abc/', by: 'Ann & Co', kind: 'invitation' as const, hours: 72 };
    expect(notifyNewAdmin(db, notice, mailSetting({}))).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM mail_outbox').get()).toEqual({ n: 0 });
    const on = mailSetting({ COURSE_SMTP_URL: 'smtp://127.0.0.1:2525', COURSE_MAIL_FROM: 'mo@example.org' });
    expect(notifyNewAdmin(db, notice, on)).toBe(true);
    // A reset later is its own message, not swallowed as a repeat.
    expect(notifyNewAdmin(db, { ...notice, kind: 'reset' }, on)).toBe(true);
    const rows = db.prepare('SELECT kind, admin_id, to_address, subject, text, html FROM mail_outbox ORDER BY id').all() as { kind: string; admin_id: number; to_address: string; subject: string; text: string; html: string }[];
    expect(rows.map((r) => [r.kind, r.admin_id, r.to_address])).toEqual([['admin-setup', adminId, 'clerk@example.org'], ['admin-setup', adminId, 'clerk@example.org']]);
    expect(rows[0]!.subject).toBe('Social media course: set up your admin account');
    expect(rows[1]!.text).toContain('your old password no longer works');
    expect(rows[0]!.text).toContain('https://course.example/admin/setup/abc/');
    expect(rows[0]!.html).toContain('Rhiannon &lt;b&gt;Ward&lt;/b&gt;');
    expect(rows[0]!.html).toContain('Ann &amp; Co');
    expect(rows[0]!.html).toContain('<a href="https://course.example/admin/setup/abc/">');
  });
});
