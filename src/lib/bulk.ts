/** The dashboard's bulk actions on ticked members: what each is called, what it does, and the result in words. */

export type BulkAction = 'invite' | 'remind' | 'archive';

const members = (n: number) => `${n} ${n === 1 ? 'member' : 'members'}`;

export const BULK_ACTIONS: readonly { id: BulkAction; label: string; question: (n: number) => string; button: (n: number) => string; effect: string }[] = [
  {
    id: 'invite', label: 'Send invitations',
    question: (n) => `Send an invitation to ${members(n)}?`,
    button: (n) => `Yes, invite ${members(n)}`,
    effect: 'Each member is emailed an invitation with a new personal course link. Any link they already have stops working.',
  },
  {
    id: 'remind', label: 'Send reminders',
    question: (n) => `Send a reminder to ${members(n)}?`,
    button: (n) => `Yes, remind ${members(n)}`,
    effect: 'Each member is emailed a reminder of what they still have to do and by when.',
  },
  {
    id: 'archive', label: 'Archive',
    question: (n) => `Archive ${members(n)}?`,
    button: (n) => `Yes, archive ${members(n)}`,
    effect: 'They leave the dashboard, the counts and the completion register, and their personal links stop working at once. Nothing is deleted: their records are kept, and each can be restored from the "Archived" list.',
  },
];

/** The sentence the dashboard shows after a bulk action. */
export function bulkSummary(action: BulkAction, done: number | { queued: number; reason?: string | undefined }, asked: number): string {
  if (action === 'archive') {
    const n = done as number;
    return `Archived ${members(n)}${n < asked ? ` (${asked - n} had already been archived)` : ''}. Their records are kept; restore any of them from the "Archived" list.`;
  }
  const { queued, reason } = done as { queued: number; reason?: string };
  const what = action === 'invite' ? 'invitation' : 'reminder';
  if (queued === 0) return `No ${what}s were sent${reason ? `: ${reason}` : ''}.`;
  return `${queued} ${what}${queued === 1 ? '' : 's'} queued to send${queued < asked ? `; ${asked - queued} not sent${reason ? `: ${reason}` : ''}` : ''}.`;
}
