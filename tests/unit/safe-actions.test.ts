/**
 * Issue 15 items 4 and 7: results held for the page a form redirects to (bound to the session,
 * gone after 10 minutes), forms held across an expired session (given back once), the bulk actions'
 * words, and the certificate's expiry date and issuer, in the view and in the PDF's text.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { certificateView, expiryDate } from '../../src/lib/certificate.ts';
import type { SignOffRecord } from '../../src/lib/record.ts';
import { certificatePdf } from '../../src/lib/server/certificate-pdf.ts';
import { heldForm, holdForm, putFlash, readFlash, takeHeldForm } from '../../src/lib/server/short-lived.ts';
import { bulkSummary } from '../../src/lib/bulk.ts';
import { queueInvitations, queueReminders } from '../../src/lib/server/mail-actions.ts';
import { mailSetting } from '../../src/lib/server/mail-config.ts';
import type { MailContext } from '../../src/lib/server/mailer.ts';
import { openDatabase } from '../../src/lib/server/db.ts';
import { saveMember } from '../../src/lib/server/members.ts';

const mailCtx: MailContext = {
  origin: 'https://course.example',
  packs: new Map([['wyre', { policyVersion: '3', contentHash: 'h', refreshMonths: 12, council: 'Wyre Council', officer: 'Monitoring Officer', minutes: 42, templates: {} }]]),
};

describe('the result shown after a redirect', () => {
  it('is read again on a refresh, only by the session that made it, and not after 10 minutes', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    const key = putFlash('session-a', { message: 'Archived Ann.', link: 'http://x/c/abc/' }, now);
    expect(readFlash('session-a', key, now + 1000)).toEqual({ message: 'Archived Ann.', link: 'http://x/c/abc/' });
    expect(readFlash('session-a', key, now + 2000)?.message).toBe('Archived Ann.');
    expect(readFlash('session-b', key, now + 1000)).toBeUndefined();
    expect(readFlash(undefined, key, now + 1000)).toBeUndefined();
    expect(readFlash('session-a', 'guessed', now + 1000)).toBeUndefined();
    expect(readFlash('session-a', key, now + 10 * 60_000 + 1)).toBeUndefined();
  });
});

describe('a form posted after the session ended', () => {
  it('is kept with every field as typed and given back once, within 15 minutes', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    const form = { path: '/admin/members/new/', fields: [['action', 'edit'], ['name', 'Siân <b>Llŷr</b>']] as [string, string][] };
    const key = holdForm(form, now);
    expect(heldForm(key, now + 60_000)).toEqual(form);
    expect(takeHeldForm(key, now + 60_000)).toEqual(form);
    expect(takeHeldForm(key, now + 60_000)).toBeUndefined();
    const late = holdForm(form, now);
    expect(takeHeldForm(late, now + 15 * 60_000 + 1)).toBeUndefined();
  });
});

describe('bulk actions', () => {
  it('say what was done in words', () => {
    expect(bulkSummary('archive', 3, 3)).toBe('Archived 3 members. Their records are kept; restore any of them from the "Archived" list.');
    expect(bulkSummary('archive', 1, 2)).toMatch(/^Archived 1 member \(1 had already been archived\)/);
    expect(bulkSummary('invite', { queued: 0, reason: 'Email is not set up' }, 2)).toBe('No invitations were sent: Email is not set up.');
    expect(bulkSummary('remind', { queued: 2 }, 2)).toBe('2 reminders queued to send.');
  });

  it('queue no email while email is off, saying why, and queue through the outbox once it is on', async () => {
    const db = openDatabase(':memory:');
    const id = saveMember(db, null, { name: 'Ann Lee', email: 'ann@example.org', role: 'councillor', wardOrCommittee: 'Rossall', pack: 'wyre', dueDate: '2026-01-01' }, 'mo');
    const off = mailSetting({});
    const never = () => Promise.reject(new Error('not asked while mail is off'));
    expect(await queueInvitations(db, [id], 'mo', never, off)).toEqual({ queued: 0, reason: 'Email is not set up' });
    expect(await queueReminders(db, [id], never, off)).toEqual({ queued: 0, reason: 'Email is not set up' });
    const on = mailSetting({ COURSE_SMTP_URL: 'smtp://127.0.0.1:2525', COURSE_MAIL_FROM: 'mo@example.org' });
    expect(on.on).toBe(true);
    const invite = () => queueInvitations(db, [id], 'mo', async () => mailCtx, on);
    expect((await invite()).queued).toBe(1);
    // Sent again at the officer's request, at most once a day: a third press the same day queues nothing.
    expect((await invite()).queued).toBe(1);
    expect(await invite()).toMatchObject({ queued: 0, reason: expect.stringContaining('not invited again until tomorrow') });
  });
});

const record = {
  id: '6f1c1c52-3d1e-4d47-9a43-0d6b4e1f8a10',
  signedAt: '2026-01-31T23:30:00.000Z',
  member: { name: 'Siân Llŷr', role: 'councillor', wardOrCommittee: 'Garstang', email: 'sian@example.org' },
  identity: { level: 'roster-verified' },
  course: { pack: 'wyre', council: 'Wyre Council', policyTitle: 'Social media policy', policyVersion: 'November 2017' },
  scores: { assessment: { correct: 10, total: 10, percent: 100, passMark: 80 } },
} as unknown as SignOffRecord;

describe('the certificate', () => {
  it('runs out the refresh period after the signing day, kept to the end of a shorter month', () => {
    expect(expiryDate('2026-01-31T23:30:00.000Z', 1)).toBe('28 February 2026');
    expect(expiryDate('2026-05-04T10:15:00Z', 12)).toBe('4 May 2027');
  });

  it('shows the expiry date and the issuing council and officer, from the pack', () => {
    const view = certificateView(record, 'ab'.repeat(32), 'https://course.example', undefined, { refreshMonths: 12, officer: 'Monitoring Officer' });
    const lines = Object.fromEntries(view.details.map((d) => [d.label, d.value]));
    expect(lines['Valid until']).toBe('31 January 2027, when the member signs again');
    expect(lines['Issued by']).toBe('The Monitoring Officer, Wyre Council');
    expect(view.details.map((d) => d.label).slice(0, 6)).toEqual(['Role', 'Council', 'Policy', 'Signed on', 'Valid until', 'Issued by']);
    // Without the pack (no longer served) the lines are left out, not guessed.
    expect(certificateView(record, 'ab'.repeat(32), 'https://course.example').details.map((d) => d.label)).not.toContain('Valid until');
  });

  it('prints them in the PDF (read back with pdftotext)', async () => {
    const view = certificateView(record, 'ab'.repeat(32), 'https://course.example', undefined, { refreshMonths: 12, officer: 'Clerk' });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await certificatePdf(view), encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Valid until 31 January 2027, when the member signs again');
    expect(text).toContain('Issued by The Clerk, Wyre Council');
  });
});
