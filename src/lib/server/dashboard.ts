/** The dashboard's rows: each member with their status, filtered, searched and sorted as asked. */
import { memberStatus, STATUS_ORDER, type MemberStatus, type StatusResult } from '../member-status.ts';
import type { MemberRow } from './members.ts';

export interface PackInfo {
  policyVersion: string;
  contentHash: string;
  refreshMonths: number;
}

export type DashboardRow = MemberRow & StatusResult;

export function withStatus(rows: readonly MemberRow[], packs: ReadonlyMap<string, PackInfo>, now = new Date()): DashboardRow[] {
  return rows.map((m) => {
    const pack = packs.get(m.pack) ?? { policyVersion: '', contentHash: '', refreshMonths: 12 };
    return {
      ...m,
      ...memberStatus({
        dueDate: m.due_date,
        startedAt: m.started_at,
        passedUnsigned: m.passed_unsigned === 1,
        latestRecord: m.signed_at ? { signedAt: m.signed_at, policyVersion: m.policy_version!, contentHash: m.content_hash! } : null,
        pack,
        now,
      }),
    };
  });
}

export const SORTS = { name: 'Name', status: 'Status (most urgent first)', due: 'Due date', ward: 'Ward or committee' } as const;
export type Sort = keyof typeof SORTS;

export interface Query {
  pack?: string | undefined;
  status?: MemberStatus | undefined;
  q?: string | undefined;
  sort?: Sort | undefined;
}

export function filterRows(rows: readonly DashboardRow[], query: Query): DashboardRow[] {
  const q = query.q?.trim().toLowerCase();
  const kept = rows.filter((r) =>
    (!query.pack || r.pack === query.pack) &&
    (!query.status || r.status === query.status) &&
    (!q || r.name.toLowerCase().includes(q) || r.email.includes(q) || r.ward_or_committee.toLowerCase().includes(q)));
  const by: Record<Sort, (a: DashboardRow, b: DashboardRow) => number> = {
    name: (a, b) => a.name.localeCompare(b.name, 'en-GB'),
    status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.name.localeCompare(b.name, 'en-GB'),
    due: (a, b) => a.due_date.localeCompare(b.due_date) || a.name.localeCompare(b.name, 'en-GB'),
    ward: (a, b) => a.ward_or_committee.localeCompare(b.ward_or_committee, 'en-GB') || a.name.localeCompare(b.name, 'en-GB'),
  };
  return kept.sort(by[query.sort ?? 'status']);
}

/** Members per status, for the counts at the top. */
export function countByStatus(rows: readonly DashboardRow[]): Record<MemberStatus, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<MemberStatus, number>;
  for (const r of rows) counts[r.status]++;
  return counts;
}
