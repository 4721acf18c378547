/**
 * The hook that emails a colleague their setup link (an invitation, or a password reset). Mail is
 * built elsewhere (src/lib/server/mail/, with an outbox): when it is merged, queue the message here
 * and return true. Until then, and whenever mail is not configured, it returns false and the page
 * shows the link for the inviting admin to copy and send themselves.
 */
export interface NewAdminNotice {
  email: string;
  name: string;
  /** The full setup link. */
  link: string;
  /** Who invited them (or reset the password), by name. */
  by: string;
  kind: 'invitation' | 'reset';
}

export function notifyNewAdmin(_notice: NewAdminNotice): boolean {
  return false;
}
