/**
 * Who is due which email, now. Pure: from each member's status (member-status.ts), whether they
 * were ever invited, and the pack as built. Each message has a key naming its occasion (kind,
 * member, and the date or version it is about), so the outbox queues it once however often this
 * runs: a reminder before the due date is sent once per due date, an overdue reminder once a
 * fortnight, an expiry reminder once per expiry date, a re-sign reminder once per policy version.
 * Reminders go only to members invited on an earlier day: the invitation comes first, and a member
 * invited today (whose invitation names the due date) is not sent a reminder with it.
 */
import type { MemberStatus } from './member-status.ts';
import type { DigestCounts, MemberKind } from './mail-templates.ts';

export interface DueMember {
  id: number;
  pack: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  status: MemberStatus;
  /** YYYY-MM-DD when the latest sign-off runs out, if signed. */
  expiresOn: string | null;
  /** When the member's first invitation was queued (ISO time), or null if never. */
  invitedAt: string | null;
}

export interface PackNow {
  policyVersion: string;
  contentHash: string;
}

export interface MailRules {
  /** Days before the due date for the "due soon" reminder. */
  dueSoonDays: number;
  /** Days before a sign-off runs out for the "expiring" reminder. */
  expiringDays: number;
  /** Days between overdue reminders. */
  overdueEveryDays: number;
}

export const DEFAULT_RULES: MailRules = { dueSoonDays: 14, expiringDays: 30, overdueEveryDays: 14 };

export interface DueMessage {
  kind: MemberKind;
  memberId: number;
  /** Unique per occasion: the outbox's dedupe key. */
  key: string;
}

const DAY_MS = 86_400_000;
/** Whole days from today (UTC) to a YYYY-MM-DD date: negative once it has passed. */
const daysUntil = (date: string, now: Date): number =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Math.floor(now.getTime() / DAY_MS) * DAY_MS) / DAY_MS);

const NOT_DONE: readonly MemberStatus[] = ['not-started', 'in-progress', 'passed-not-signed'];

/** Invitations for every active member never invited (the caller passes active members only). */
export const invitationsDue = (members: readonly DueMember[]): DueMessage[] =>
  members.filter((m) => m.invitedAt === null).map((m) => ({ kind: 'invitation', memberId: m.id, key: invitationKey(m.id) }));

/** An invitation's key. The first is sent once; sending one again by hand names the day, so a double press sends one. */
export const invitationKey = (memberId: number, againOn?: Date): string =>
  againOn ? `invitation:${memberId}:again:${againOn.toISOString().slice(0, 10)}` : `invitation:${memberId}`;

/** The reminder each invited member is due now, if any (one per member at most). */
export function remindersDue(members: readonly DueMember[], packs: ReadonlyMap<string, PackNow>, now: Date, rules: MailRules = DEFAULT_RULES): DueMessage[] {
  const due: DueMessage[] = [];
  const today = now.toISOString().slice(0, 10);
  for (const m of members) {
    if (m.invitedAt === null || m.invitedAt.slice(0, 10) >= today) continue;
    const message = (kind: MemberKind, occasion: string) => due.push({ kind, memberId: m.id, key: `${kind}:${m.id}:${occasion}` });
    if (NOT_DONE.includes(m.status)) {
      const days = daysUntil(m.dueDate, now);
      if (days >= 0 && days <= rules.dueSoonDays) message('due-soon', m.dueDate);
    } else if (m.status === 'overdue') {
      const late = -daysUntil(m.dueDate, now);
      message('overdue', `${m.dueDate}:${Math.floor((late - 1) / rules.overdueEveryDays)}`);
    } else if (m.status === 'signed' && m.expiresOn) {
      if (daysUntil(m.expiresOn, now) <= rules.expiringDays) message('expiring', m.expiresOn);
    } else if (m.status === 'expired' && m.expiresOn) {
      message('expired', m.expiresOn);
    } else if (m.status === 'needs-re-sign') {
      const pack = packs.get(m.pack);
      if (pack) message('re-sign', `${pack.policyVersion}:${pack.contentHash.slice(0, 16)}`);
    }
  }
  return due;
}

/** The ISO week (`2026-W48`) of a time: the digest's occasion, so each officer gets one a week. */
export function isoWeek(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the week's Thursday names its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export const digestKey = (adminId: number, now: Date): string => `digest:${adminId}:${isoWeek(now)}`;

/** A pack's figures for the digest. */
export function digestCounts(council: string, members: readonly DueMember[], now: Date, rules: MailRules = DEFAULT_RULES): DigestCounts {
  const count = (test: (m: DueMember) => boolean) => members.filter(test).length;
  return {
    council,
    members: members.length,
    signed: count((m) => m.status === 'signed'),
    due: count((m) => NOT_DONE.includes(m.status)),
    overdue: count((m) => m.status === 'overdue'),
    expiring: count((m) => m.status === 'signed' && m.expiresOn !== null && daysUntil(m.expiresOn, now) <= rules.expiringDays),
    reSign: count((m) => m.status === 'expired' || m.status === 'needs-re-sign'),
  };
}
