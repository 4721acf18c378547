/**
 * Emails a colleague their setup link (an invitation, or a password reset) through the outbox, when
 * email is on; returns whether it was queued. The page shows the link either way, for the inviting
 * admin to copy and send themselves if email is off.
 */
import type { DatabaseSync } from 'node:sqlite';
import { randomBytes } from 'node:crypto';
import { renderAdminSetup } from '../mail-templates.ts';
import { mailSetting, type MailSetting } from './mail-config.ts';
import { queue } from './outbox.ts';

export interface NewAdminNotice {
  email: string;
  name: string;
  /** The full setup link. */
  link: string;
  /** Who invited them (or reset the password), by name. */
  by: string;
  kind: 'invitation' | 'reset';
}

export function notifyNewAdmin(db: DatabaseSync, notice: NewAdminNotice & { adminId: number; hours: number }, setting: MailSetting = mailSetting()): boolean {
  if (!setting.on) return false;
  const rendered = renderAdminSetup(notice);
  // Each link is its own occasion: a second reset is a new message, a retried send is not.
  const key = `admin-setup:${notice.adminId}:${randomBytes(8).toString('hex')}`;
  return queue(db, { kind: 'admin-setup', adminId: notice.adminId, to: notice.email, ...rendered, key }, new Date(), new URL(notice.link).hostname);
}
