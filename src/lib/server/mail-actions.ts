/**
 * The dashboard's bulk "Send invitations" and "Send reminders". A stand-in until the email work
 * (issue 15, item 1) is merged, which replaces this file: it queues nothing and says why.
 */
import type { DatabaseSync } from 'node:sqlite';

export interface QueueResult {
  queued: number;
  /** Why some or all were not queued, in words for the officer. */
  reason?: string;
}

export function queueInvitations(_db: DatabaseSync, _ids: readonly number[], _actor: string): QueueResult {
  return { queued: 0, reason: 'Email is not set up' };
}

export function queueReminders(_db: DatabaseSync, _ids: readonly number[], _actor: string): QueueResult {
  return { queued: 0, reason: 'Email is not set up' };
}
