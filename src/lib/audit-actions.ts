/** The audit log's actions in words, for the audit page's filter and table (src/lib/server/audit.ts writes them). */
export const AUDIT_ACTIONS: Record<string, string> = {
  'sign-off': 'Signed the declaration',
  revoke: 'Revoked a record',
  'record-match': 'Matched a record to a member',
  'roster-import': 'Imported a roster',
  'member-add': 'Added a member',
  'member-edit': 'Changed a member',
  'member-archive': 'Archived a member',
  'link-regenerate': 'Made a personal course link',
  'subject-access-export': 'Exported a member\'s data',
  login: 'Signed in',
  'login-failed': 'Sign-in refused (wrong email or password)',
  'login-locked': 'Sign-in refused (locked out)',
  logout: 'Signed out',
  'admin-create': 'Added someone who can sign in',
  'admin-reset': 'Reset a password',
  'admin-password-set': 'Set their password',
  'admin-disable': 'Disabled an account',
  'admin-enable': 'Re-enabled an account',
  'admin-sessions-end': 'Ended an account\'s sessions',
  'admin-packs': 'Changed which courses an account sees',
};

export const actionName = (action: string): string => AUDIT_ACTIONS[action] ?? action;

/** Actions whose subject is a member's ID, and those whose subject is a record's ID. */
export const MEMBER_ACTIONS = ['member-add', 'member-edit', 'member-archive', 'link-regenerate', 'subject-access-export'] as const;
export const RECORD_ACTIONS = ['sign-off', 'revoke', 'record-match'] as const;

/** An entry's detail (canonical JSON) as "key: value" phrases; empty for `{}`. */
export function detailText(detail: string): string {
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (!value || typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${Array.isArray(v) ? (v.length ? v.join(', ') : 'none') : String(v)}`)
    .join('; ');
}
