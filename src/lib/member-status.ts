/**
 * Where a member stands on the course, for the Monitoring Officer's dashboard: one status, a
 * plain-English reason and, once signed, the date the sign-off runs out. Pure: dates are
 * compared as calendar days in UTC and written in UK English ("4 May 2026").
 */

export type MemberStatus =
  | 'not-started'
  | 'in-progress'
  | 'passed-not-signed'
  | 'signed'
  | 'overdue'
  | 'expired'
  | 'needs-re-sign';

export interface StatusInput {
  /** Induction due date, YYYY-MM-DD. */
  dueDate: string;
  /** When the member first did anything in the course (ISO time), or null if never. */
  startedAt: string | null;
  /** Whether the member has passed the final assessment at least once (and not used that pass to sign yet). */
  passedUnsigned: boolean;
  /** When the member's latest sign-off was revoked, if one was (counted only while no unrevoked record stands). */
  revokedAt?: string | null | undefined;
  /** The member's latest signed, unrevoked record, or null. */
  latestRecord: { signedAt: string; policyVersion: string; contentHash: string } | null;
  /** The pack as currently built. */
  pack: { policyVersion: string; contentHash: string; refreshMonths: number };
  now: Date;
}

export interface StatusResult {
  status: MemberStatus;
  /** Plain-English reason, e.g. "Signed version 3 on 4 May 2026; signs again by 4 May 2027". */
  detail: string;
  /** ISO date (YYYY-MM-DD) when the latest sign-off runs (or ran) out; null when there is no sign-off. */
  expiresOn: string | null;
}

export const STATUS_LABELS: Record<MemberStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'passed-not-signed': 'Passed, not signed',
  signed: 'Signed',
  overdue: 'Overdue',
  expired: 'Expired',
  'needs-re-sign': 'Needs to re-sign',
};

/** What each status means, for the dashboard's legend. */
export const STATUS_MEANINGS: Record<MemberStatus, string> = {
  overdue: 'The induction due date has passed and the member has not signed.',
  expired: 'The member signed, but longer ago than the course\'s refresh period: they must take the refresher and sign again.',
  'needs-re-sign': 'The policy or the course has changed since the member signed, or their sign-off was revoked: they must sign again.',
  'passed-not-signed': 'The member passed the final assessment but has not signed the declaration yet.',
  'in-progress': 'The member has started the course through their personal link but not finished it.',
  'not-started': 'Nothing recorded yet. Progress is recorded only when the member uses their personal link.',
  signed: 'The member signed the current policy and course, and the sign-off has not run out.',
};

/** Most urgent first. */
export const STATUS_ORDER: readonly MemberStatus[] = Object.freeze([
  'overdue',
  'expired',
  'needs-re-sign',
  'passed-not-signed',
  'in-progress',
  'not-started',
  'signed',
] as const);

const DAY_MS = 86_400_000;
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The UTC calendar date of an ISO time or YYYY-MM-DD date, as a Date at midnight UTC. */
function utcDay(value: string | Date): Date {
  const date = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: "${String(value)}"`);
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/** Adds calendar months, keeping to the last day of a shorter month (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: Date, months: number): Date {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), lastDay)));
}

const isoDate = (day: Date): string => day.toISOString().slice(0, 10);
const written = (day: Date): string => DATE_FORMAT.format(day);
const version = (v: string): string => (/^\d[\d.]*$/.test(v) ? `version ${v}` : `the ${v} version`);

export function memberStatus(input: StatusInput): StatusResult {
  const { latestRecord: record, pack } = input;
  const today = utcDay(input.now);

  if (record) {
    const signedOn = utcDay(record.signedAt);
    const expires = addMonths(signedOn, pack.refreshMonths);
    const expiresOn = isoDate(expires);
    const signed = `Signed ${version(record.policyVersion)} on ${written(signedOn)}`;
    if (record.policyVersion !== pack.policyVersion) {
      return {
        status: 'needs-re-sign',
        detail: `${signed}; the policy is now ${version(pack.policyVersion)}, so must sign again`,
        expiresOn,
      };
    }
    if (record.contentHash !== pack.contentHash) {
      return { status: 'needs-re-sign', detail: `${signed}; the course has changed since, so must sign again`, expiresOn };
    }
    if (today.getTime() > expires.getTime()) {
      return { status: 'expired', detail: `${signed}; that sign-off ran out on ${written(expires)}`, expiresOn };
    }
    return { status: 'signed', detail: `${signed}; signs again by ${written(expires)}`, expiresOn };
  }

  // A revoked sign-off counts for nothing, but the member is not "in progress" on a course they finished:
  // they must sign again (until they pass again, when the usual "passed, not signed" applies).
  if (input.revokedAt && !input.passedUnsigned) {
    return { status: 'needs-re-sign', detail: `Sign-off revoked on ${written(utcDay(input.revokedAt))}, so must sign again`, expiresOn: null };
  }
  const due = utcDay(input.dueDate);
  const dueBy = written(due);
  const progress = input.passedUnsigned
    ? 'passed the assessment but not signed'
    : input.startedAt
      ? `started on ${written(utcDay(input.startedAt))} but not finished`
      : 'not started';
  if (today.getTime() > due.getTime()) {
    return { status: 'overdue', detail: `Was due by ${dueBy}; ${progress}`, expiresOn: null };
  }
  const status: MemberStatus = input.passedUnsigned ? 'passed-not-signed' : input.startedAt ? 'in-progress' : 'not-started';
  const sentence = progress.charAt(0).toUpperCase() + progress.slice(1);
  return { status, detail: `${sentence}; due by ${dueBy}`, expiresOn: null };
}

/**
 * The first day (YYYY-MM-DD) on which `memberStatus` answers differently with nothing but the date
 * changed: the day after the due date, for a member who has not signed, or after the expiry, for one
 * whose sign-off stands. null when only an event (a sign-off, a revocation, a new policy) changes it.
 * The dashboard keeps each status until this day (src/lib/server/member-statuses.ts).
 */
export function statusUntil(input: StatusInput, result: StatusResult = memberStatus(input)): string | null {
  const dayAfter = (day: Date) => isoDate(new Date(day.getTime() + DAY_MS));
  switch (result.status) {
    case 'signed': return dayAfter(addMonths(utcDay(input.latestRecord!.signedAt), input.pack.refreshMonths));
    case 'not-started':
    case 'in-progress':
    case 'passed-not-signed': return dayAfter(utcDay(input.dueDate));
    default: return null;
  }
}
