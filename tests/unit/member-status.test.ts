/** Where a member stands: every status, each rule's boundary, month ends and the urgency order. */
import { describe, expect, it } from 'vitest';
import { addMonths, memberStatus, STATUS_LABELS, STATUS_ORDER, type MemberStatus, type StatusInput } from '../../src/lib/member-status.ts';

const pack = { policyVersion: '3', contentHash: 'abc123', refreshMonths: 12 };
const record = { signedAt: '2026-05-04T10:15:00Z', policyVersion: '3', contentHash: 'abc123' };

function input(over: Partial<StatusInput> = {}): StatusInput {
  return {
    dueDate: '2026-06-30',
    startedAt: null,
    passedUnsigned: false,
    latestRecord: null,
    pack,
    now: new Date('2026-06-01T12:00:00Z'),
    ...over,
  };
}

describe('memberStatus without a signed record', () => {
  it('is not started when the member has done nothing', () => {
    const result = memberStatus(input());
    expect(result).toEqual({ status: 'not-started', detail: 'Not started; due by 30 June 2026', expiresOn: null });
  });

  it('is in progress once the member has started', () => {
    const result = memberStatus(input({ startedAt: '2026-05-20T09:00:00Z' }));
    expect(result.status).toBe('in-progress');
    expect(result.detail).toBe('Started on 20 May 2026 but not finished; due by 30 June 2026');
  });

  it('is passed, not signed, once the assessment is passed', () => {
    const result = memberStatus(input({ startedAt: '2026-05-20T09:00:00Z', passedUnsigned: true }));
    expect(result.status).toBe('passed-not-signed');
    expect(result.detail).toBe('Passed the assessment but not signed; due by 30 June 2026');
    expect(result.expiresOn).toBeNull();
  });

  it('is not overdue on the due date itself, even late in the day', () => {
    expect(memberStatus(input({ now: new Date('2026-06-30T23:59:59.999Z') })).status).toBe('not-started');
  });

  it('is overdue from the day after the due date, whatever the progress', () => {
    const now = new Date('2026-07-01T00:00:00Z');
    expect(memberStatus(input({ now })).status).toBe('overdue');
    expect(memberStatus(input({ now, startedAt: '2026-05-20T09:00:00Z' })).status).toBe('overdue');
    const passed = memberStatus(input({ now, startedAt: '2026-05-20T09:00:00Z', passedUnsigned: true }));
    expect(passed).toEqual({
      status: 'overdue',
      detail: 'Was due by 30 June 2026; passed the assessment but not signed',
      expiresOn: null,
    });
  });
});

describe('memberStatus after a revocation', () => {
  it('says the member must sign again, not "In progress", when their only sign-off was revoked', () => {
    const result = memberStatus(input({ startedAt: '2026-05-01T09:00:00Z', revokedAt: '2026-05-21T16:00:00Z' }));
    expect(result).toEqual({ status: 'needs-re-sign', detail: 'Sign-off revoked on 21 May 2026, so must sign again', expiresOn: null });
  });

  it('is passed, not signed, once they pass the assessment again; a later unrevoked record decides', () => {
    expect(memberStatus(input({ startedAt: '2026-05-01T09:00:00Z', revokedAt: '2026-05-21T16:00:00Z', passedUnsigned: true })).status).toBe('passed-not-signed');
    expect(memberStatus(input({ revokedAt: '2026-05-01T16:00:00Z', latestRecord: record })).status).toBe('signed');
  });
});

describe('memberStatus with a signed record', () => {
  it('is signed within the refresh period, with the expiry date', () => {
    const result = memberStatus(input({ latestRecord: record }));
    expect(result).toEqual({
      status: 'signed',
      detail: 'Signed version 3 on 4 May 2026; signs again by 4 May 2027',
      expiresOn: '2027-05-04',
    });
  });

  it('ignores the due date once signed', () => {
    expect(memberStatus(input({ latestRecord: record, dueDate: '2026-01-01' })).status).toBe('signed');
  });

  it('is still signed exactly refreshMonths later', () => {
    expect(memberStatus(input({ latestRecord: record, now: new Date('2027-05-04T23:59:59Z') })).status).toBe('signed');
  });

  it('is expired the next day', () => {
    const result = memberStatus(input({ latestRecord: record, now: new Date('2027-05-05T00:00:00Z') }));
    expect(result.status).toBe('expired');
    expect(result.detail).toBe('Signed version 3 on 4 May 2026; that sign-off ran out on 4 May 2027');
    expect(result.expiresOn).toBe('2027-05-04');
  });

  it('needs re-signing when the policy version changes, even within the period', () => {
    const result = memberStatus(input({ latestRecord: record, pack: { ...pack, policyVersion: '4' } }));
    expect(result.status).toBe('needs-re-sign');
    expect(result.detail).toContain('version 4');
  });

  it('needs re-signing when the content hash changes, even within the period', () => {
    const result = memberStatus(input({ latestRecord: record, pack: { ...pack, contentHash: 'def456' } }));
    expect(result.status).toBe('needs-re-sign');
    expect(result.detail).toContain('course has changed');
  });

  it('puts a changed pack before expiry', () => {
    const now = new Date('2028-01-01T00:00:00Z');
    expect(memberStatus(input({ latestRecord: record, now, pack: { ...pack, contentHash: 'x' } })).status).toBe('needs-re-sign');
  });

  it('writes a version in words as it is', () => {
    const words = { ...record, policyVersion: 'November 2017' };
    const result = memberStatus(input({ latestRecord: words, pack: { ...pack, policyVersion: 'November 2017' } }));
    expect(result.detail).toBe('Signed the November 2017 version on 4 May 2026; signs again by 4 May 2027');
  });
});

describe('month ends', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  it('takes 31 January + 1 month to the end of February', () => {
    expect(iso(addMonths(day('2026-01-31'), 1))).toBe('2026-02-28');
    expect(iso(addMonths(day('2028-01-31'), 1))).toBe('2028-02-29');
    expect(iso(addMonths(day('2026-08-31'), 1))).toBe('2026-09-30');
    expect(iso(addMonths(day('2026-11-30'), 3))).toBe('2027-02-28');
  });

  it('expires a 31 January sign-off with a one-month refresh after 28 February', () => {
    const input1 = (now: string) =>
      input({ latestRecord: { ...record, signedAt: '2026-01-31T15:00:00Z' }, pack: { ...pack, refreshMonths: 1 }, now: new Date(now) });
    expect(memberStatus(input1('2026-02-28T22:00:00Z'))).toMatchObject({ status: 'signed', expiresOn: '2026-02-28' });
    expect(memberStatus(input1('2026-03-01T00:00:00Z')).status).toBe('expired');
  });

  it('takes 29 February + 12 months to 28 February', () => {
    expect(iso(addMonths(day('2028-02-29'), 12))).toBe('2029-02-28');
  });
});

describe('labels and order', () => {
  const all: MemberStatus[] = ['not-started', 'in-progress', 'passed-not-signed', 'signed', 'overdue', 'expired', 'needs-re-sign'];

  it('lists each status exactly once, most urgent first', () => {
    expect(STATUS_ORDER).toHaveLength(all.length);
    expect(new Set(STATUS_ORDER)).toEqual(new Set(all));
    expect(STATUS_ORDER[0]).toBe('overdue');
    expect(STATUS_ORDER.at(-1)).toBe('signed');
  });

  it('labels every status', () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...all].sort());
    expect(STATUS_LABELS['passed-not-signed']).toBe('Passed, not signed');
    expect(STATUS_LABELS['needs-re-sign']).toBe('Needs to re-sign');
  });
});
