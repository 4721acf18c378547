/**
 * What the server and `npm run mail` do with email: queue invitations, reminders and digests (who
 * is due what: src/lib/mail-due.ts; what they say: src/lib/mail-templates.ts) and send what is
 * queued (src/lib/server/outbox.ts). Queueing needs no relay; sending does.
 */
import type { DatabaseSync } from 'node:sqlite';
import { DEFAULT_RULES, digestCounts, digestKey, invitationKey, invitationsDue, remindersDue, type DueMember, type DueMessage } from '../mail-due.ts';
import { renderDigest, renderMemberMail, type MemberKind, type Template } from '../mail-templates.ts';
import { addMonths } from '../member-status.ts';
import { audit } from './audit.ts';
import { withStatus, type PackInfo } from './dashboard.ts';
import { transaction } from './db.ts';
import { currentLink } from './links.ts';
import { listMembers, type MemberRow } from './members.ts';
import { claimNext, failedMessages, invitedMembers, markFailed, markSent, queue } from './outbox.ts';
import type { Send } from './mail-config.ts';
import { scopeOf, sees } from './scope.ts';

/** A pack as email needs it. */
export interface MailPack extends PackInfo {
  council: string;
  /** The officer's role title, from the pack's wording. */
  officer: string;
  /** Minutes the induction asks for. */
  minutes: number;
  templates: Partial<Record<MemberKind, Partial<Template>>>;
}

export interface MailContext {
  packs: ReadonlyMap<string, MailPack>;
  /** The public origin for links (COURSE_PUBLIC_URL). */
  origin: string;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const written = (isoDate: string | null): string => (isoDate ? DATE.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)) : '');
const version = (v: string): string => (/^\d[\d.]*$/.test(v) ? `version ${v}` : `the ${v} version`);

function dueMembers(db: DatabaseSync, ctx: MailContext, now: Date, ids?: readonly number[]): { rows: MemberRow[]; due: DueMember[] } {
  const wanted = ids ? new Set(ids) : undefined;
  const rows = listMembers(db).filter((m) => ctx.packs.has(m.pack) && (!wanted || wanted.has(m.id)));
  const invited = invitedMembers(db);
  const due = withStatus(rows, ctx.packs, now).map((m) => ({ id: m.id, pack: m.pack, dueDate: m.due_date, status: m.status, expiresOn: m.expiresOn, invitedAt: invited.get(m.id) ?? null }));
  return { rows, due };
}

/** Queues each message for its member: their current link, the pack's wording. Returns how many were new. */
function queueForMembers(db: DatabaseSync, messages: readonly DueMessage[], rows: readonly MemberRow[], due: readonly DueMember[], ctx: MailContext, now: Date): number {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const statusById = new Map(due.map((d) => [d.id, d]));
  const host = new URL(ctx.origin).hostname;
  let queued = 0;
  for (const message of messages) {
    const member = byId.get(message.memberId)!;
    const pack = ctx.packs.get(member.pack)!;
    const link = currentLink(db, member.id, now);
    if (!link) continue;
    const expiresOn = statusById.get(member.id)?.expiresOn ?? (member.signed_at ? addMonths(new Date(member.signed_at), pack.refreshMonths).toISOString() : null);
    const rendered = renderMemberMail(message.kind, {
      name: member.name, council: pack.council, officer: pack.officer, link: `${ctx.origin}/c/${link}/`,
      due: written(member.due_date), expires: written(expiresOn), version: version(pack.policyVersion), minutes: String(pack.minutes),
    }, pack.templates);
    if (queue(db, { kind: message.kind, memberId: member.id, pack: member.pack, to: member.email, ...rendered, key: message.key }, now, host)) queued++;
  }
  return queued;
}

/**
 * Invitations for the members given (each with their current personal link, which keeps working).
 * A member never invited gets their first invitation; with `again`, one already invited gets
 * another (once a day at most). Returns how many were queued.
 */
export function queueInvitations(db: DatabaseSync, memberIds: readonly number[], actor: string, ctx: MailContext, { again = false, now = new Date() } = {}): number {
  return transaction(db, () => {
    const { rows, due } = dueMembers(db, ctx, now, memberIds);
    const messages = again
      ? due.map((m) => ({ kind: 'invitation' as const, memberId: m.id, key: m.invitedAt ? invitationKey(m.id, now) : invitationKey(m.id) }))
      : invitationsDue(due);
    const queued = queueForMembers(db, messages, rows, due, ctx, now);
    if (queued > 0) audit(db, actor, 'mail-invite', `${queued} members`, { members: messages.map((m) => m.memberId).slice(0, 100) }, now);
    return queued;
  });
}

/** Invitations for every active member never invited. */
export function queueAllInvitations(db: DatabaseSync, actor: string, ctx: MailContext, now = new Date()): number {
  return queueInvitations(db, listMembers(db).map((m) => m.id), actor, ctx, { now });
}

/** The reminders now due, for the members given or for everyone. Returns how many were queued. */
export function queueReminders(db: DatabaseSync, memberIds: readonly number[] | undefined, ctx: MailContext, now = new Date()): number {
  return transaction(db, () => {
    const { rows, due } = dueMembers(db, ctx, now, memberIds);
    return queueForMembers(db, remindersDue(due, ctx.packs, now, DEFAULT_RULES), rows, due, ctx, now);
  });
}

/** Each officer's digest for this week, if not queued yet. */
export function queueDigests(db: DatabaseSync, ctx: MailContext, now = new Date()): number {
  return transaction(db, () => {
    // Enabled accounts only, each with the counts of their own packs (an admin limited to Wyre hears nothing of Ashfield).
    const admins = db.prepare('SELECT id, email, name FROM admins WHERE disabled_at IS NULL ORDER BY id').all() as { id: number; email: string; name: string }[];
    if (admins.length === 0) return 0;
    const { due } = dueMembers(db, ctx, now);
    const counts = [...ctx.packs].map(([id, p]) => ({ id, counts: digestCounts(p.council, due.filter((m) => m.pack === id), now) }));
    const failed = failedMessages(db).length;
    let queued = 0;
    for (const a of admins) {
      const scope = scopeOf(db, a.id);
      const mine = counts.filter((c) => sees(scope, c.id)).map((c) => c.counts);
      if (mine.length === 0) continue;
      const rendered = renderDigest(a.name, mine, failed, `${ctx.origin}/admin/`);
      if (queue(db, { kind: 'digest', adminId: a.id, to: a.email, ...rendered, key: digestKey(a.id, now) }, now, new URL(ctx.origin).hostname)) queued++;
    }
    return queued;
  });
}

/** Everything due now: reminders and digests. */
export function queueDue(db: DatabaseSync, ctx: MailContext, now = new Date()): { reminders: number; digests: number } {
  return { reminders: queueReminders(db, undefined, ctx, now), digests: queueDigests(db, ctx, now) };
}

/** Sends every message that can go now, one at a time; returns what happened. */
export async function sendQueued(db: DatabaseSync, send: Send, clock: () => Date = () => new Date()): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let row = claimNext(db, clock()); row; row = claimNext(db, clock())) {
    try {
      await send({ to: row.to_address, subject: row.subject, text: row.text, html: row.html, messageId: row.message_id });
      markSent(db, row.id, clock());
      sent++;
    } catch (error) {
      markFailed(db, row, error instanceof Error ? error.message : String(error), clock());
      failed++;
    }
  }
  return { sent, failed };
}
