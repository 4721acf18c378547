/**
 * The dashboard's bulk "Send invitations" and "Send reminders" on the members ticked, through the
 * outbox (mailer.ts), with the reason in words when some or none were queued.
 */
import type { DatabaseSync } from 'node:sqlite';
import { mailSetting, type MailSetting } from './mail-config.ts';
import { queueInvitations as queueInvites, queueReminders as queueDueReminders, type MailContext } from './mailer.ts';

export interface QueueResult {
  queued: number;
  /** Why some or all were not queued, in words for the officer. */
  reason?: string;
}

type Context = () => Promise<MailContext>;

export async function queueInvitations(db: DatabaseSync, ids: readonly number[], actor: string, ctx: Context, setting: MailSetting = mailSetting()): Promise<QueueResult> {
  if (!setting.on) return { queued: 0, reason: 'Email is not set up' };
  const queued = queueInvites(db, ids, actor, await ctx(), { again: true });
  return { queued, reason: 'a member invited today is not invited again until tomorrow' };
}

export async function queueReminders(db: DatabaseSync, ids: readonly number[], ctx: Context, setting: MailSetting = mailSetting()): Promise<QueueResult> {
  if (!setting.on) return { queued: 0, reason: 'Email is not set up' };
  const queued = queueDueReminders(db, ids, await ctx());
  return { queued, reason: 'no reminder is due for them yet (a member is reminded once per occasion: before the due date, when overdue, before a sign-off expires, or when the policy changes; a member not yet invited gets an invitation first)' };
}
