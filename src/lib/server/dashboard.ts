/** The dashboard's rows: each member with their status, and the sorts and filters it offers (read in SQL: dashboard-query.ts). */
import { memberStatus, type MemberStatus, type StatusInput, type StatusResult } from '../member-status.ts';
import type { MemberRow } from './members.ts';

export interface PackInfo {
  policyVersion: string;
  contentHash: string;
  refreshMonths: number;
}

export type DashboardRow = MemberRow & StatusResult;

/** A member of a pack this server does not know is judged against no policy. */
export const UNKNOWN_PACK: PackInfo = { policyVersion: '', contentHash: '', refreshMonths: 12 };

/** What `memberStatus` needs about one member, from the roster's facts. */
export const statusInput = (m: MemberRow, pack: PackInfo, now: Date): StatusInput => ({
  dueDate: m.due_date,
  startedAt: m.started_at,
  passedUnsigned: m.passed_unsigned === 1,
  revokedAt: m.revoked_at,
  latestRecord: m.signed_at ? { signedAt: m.signed_at, policyVersion: m.policy_version!, contentHash: m.content_hash! } : null,
  pack,
  now,
});

export function withStatus(rows: readonly MemberRow[], packs: ReadonlyMap<string, PackInfo>, now = new Date()): DashboardRow[] {
  return rows.map((m) => ({ ...m, ...memberStatus(statusInput(m, packs.get(m.pack) ?? UNKNOWN_PACK, now)) }));
}

/** One collator for every comparison: creating one per comparison made sorting 20,000 members take seconds. */
export const byName = new Intl.Collator('en-GB').compare;

/** ISO dates compare as plain strings. */
export const byIsoDate = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const SORTS = { name: 'Name', status: 'Status (most urgent first)', due: 'Due date', ward: 'Ward or committee' } as const;
export type Sort = keyof typeof SORTS;

export interface Query {
  pack?: string | undefined;
  status?: MemberStatus | undefined;
  q?: string | undefined;
  sort?: Sort | undefined;
}
