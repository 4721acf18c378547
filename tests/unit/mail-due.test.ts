/** Who is due which email: invitations, each reminder at its boundary, once per occasion; the digest's week and counts. */
import { describe, expect, it } from 'vitest';
import { digestCounts, digestKey, invitationKey, invitationsDue, isoWeek, remindersDue, type DueMember } from '../../src/lib/mail-due.ts';

const packs = new Map([['wyre', { policyVersion: '3', contentHash: 'abcdef0123456789abcdef' }]]);
const now = new Date('2026-06-01T12:00:00Z');
const member = (over: Partial<DueMember> = {}): DueMember =>
  ({ id: 1, pack: 'wyre', dueDate: '2026-06-30', status: 'not-started', expiresOn: null, invitedAt: '2026-05-01T09:00:00Z', ...over });
const due = (over: Partial<DueMember>, at = now) => remindersDue([member(over)], packs, at);

describe('invitations', () => {
  it('go to every member never invited, once each', () => {
    expect(invitationsDue([member({ id: 1, invitedAt: null }), member({ id: 2 }), member({ id: 3, invitedAt: null })]))
      .toEqual([{ kind: 'invitation', memberId: 1, key: 'invitation:1' }, { kind: 'invitation', memberId: 3, key: 'invitation:3' }]);
  });
  it('sent again by hand are keyed by the day', () => {
    expect(invitationKey(4, new Date('2026-06-01T09:00:00Z'))).toBe('invitation:4:again:2026-06-01');
  });
});

describe('reminders', () => {
  it('are not sent to members never invited, or invited today (the invitation comes first)', () => {
    expect(due({ invitedAt: null, dueDate: '2026-06-05' })).toEqual([]);
    expect(due({ invitedAt: '2026-06-01T08:00:00Z', dueDate: '2026-06-05' })).toEqual([]);
    expect(due({ invitedAt: '2026-05-31T23:00:00Z', dueDate: '2026-06-05' })).toHaveLength(1);
  });
  it('before the due date: from 14 days before, keyed by the due date', () => {
    expect(due({ dueDate: '2026-06-16' })).toEqual([]);
    expect(due({ dueDate: '2026-06-15' })).toEqual([{ kind: 'due-soon', memberId: 1, key: 'due-soon:1:2026-06-15' }]);
    expect(due({ dueDate: '2026-06-01', status: 'in-progress' })).toEqual([{ kind: 'due-soon', memberId: 1, key: 'due-soon:1:2026-06-01' }]);
    expect(due({ dueDate: '2026-06-10', status: 'passed-not-signed' })[0]?.kind).toBe('due-soon');
  });
  it('when overdue: one a fortnight, so the key changes only every 14 days', () => {
    const o = (date: string) => due({ dueDate: '2026-05-01', status: 'overdue' }, new Date(`${date}T08:00:00Z`))[0]?.key;
    expect(o('2026-05-02')).toBe('overdue:1:2026-05-01:0');
    expect(o('2026-05-15')).toBe('overdue:1:2026-05-01:0');
    expect(o('2026-05-16')).toBe('overdue:1:2026-05-01:1');
  });
  it('before a sign-off runs out: from 30 days before, keyed by the expiry date', () => {
    expect(due({ status: 'signed', expiresOn: '2026-07-02' })).toEqual([]);
    expect(due({ status: 'signed', expiresOn: '2026-07-01' })).toEqual([{ kind: 'expiring', memberId: 1, key: 'expiring:1:2026-07-01' }]);
  });
  it('once it has run out, and when the policy changes: keyed by the expiry and by the version now', () => {
    expect(due({ status: 'expired', expiresOn: '2026-05-01' })).toEqual([{ kind: 'expired', memberId: 1, key: 'expired:1:2026-05-01' }]);
    expect(due({ status: 'needs-re-sign', expiresOn: '2027-01-01' })).toEqual([{ kind: 're-sign', memberId: 1, key: 're-sign:1:3:abcdef0123456789' }]);
  });
  it('reach only the members they are for', () => {
    const members = [member({ id: 1, status: 'overdue', dueDate: '2026-05-01' }), member({ id: 2, status: 'signed', expiresOn: '2027-05-01' }), member({ id: 3, dueDate: '2026-09-01' })];
    expect(remindersDue(members, packs, now).map((m) => m.memberId)).toEqual([1]);
  });
});

describe('the weekly digest', () => {
  it('is keyed by officer and ISO week', () => {
    expect(isoWeek(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-03T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2026-06-01T00:00:00Z'))).toBe('2026-W23');
    expect(digestKey(7, new Date('2026-06-07T23:59:00Z'))).toBe('digest:7:2026-W23');
    expect(digestKey(7, new Date('2026-06-08T00:00:00Z'))).toBe('digest:7:2026-W24');
  });
  it('counts members by where they stand', () => {
    const members = [
      member({ status: 'signed', expiresOn: '2026-06-20' }), member({ status: 'signed', expiresOn: '2027-06-20' }),
      member({ status: 'overdue' }), member({ status: 'in-progress' }), member({ status: 'expired' }), member({ status: 'needs-re-sign' }),
    ];
    expect(digestCounts('Wyre Council', members, now)).toEqual({ council: 'Wyre Council', members: 6, signed: 2, due: 1, overdue: 1, expiring: 1, reSign: 2 });
  });
});
