/**
 * The dashboard's reads, in SQL over the kept statuses (member-statuses.ts): a page of members
 * filtered, searched and sorted, the counts by status, and every visible member in the register's
 * order. Scoped: an admin limited to some packs reads only theirs (scope.ts).
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { STATUS_ORDER, type MemberStatus } from '../member-status.ts';
import type { DashboardRow, Query, Sort } from './dashboard.ts';
import type { Scope } from './scope.ts';

export const PAGE_SIZE = 100;

/** A DashboardRow: the roster's columns, the facts kept with the status, and the status. */
const COLUMNS = `m.id, m.email, m.name, m.role, m.ward_or_committee, m.pack, m.due_date, m.link_created_at, m.archived_at,
  s.started_at, s.passed_unsigned, s.record_id, s.signed_at, s.policy_version, s.content_hash, s.best_score, s.revoked_at,
  s.status, s.detail, s.expires_on AS expiresOn`;

/** Ties fall to the name, then to the member's ID, so every order is total and pages never overlap. Indexed (migration 009). */
const ORDER: Record<Sort, string> = {
  name: 's.name_key, s.member_id',
  status: 's.urgency, s.name_key, s.member_id',
  due: 'm.due_date, s.name_key, s.member_id',
  ward: 's.ward_key, s.name_key, s.member_id',
};

interface Where {
  sql: string;
  params: SQLInputValue[];
}

/** Current members within the scope, narrowed by the query. */
function where(scope: Scope, query: Query = {}): Where {
  const conditions = ['m.archived_at IS NULL'];
  const params: SQLInputValue[] = [];
  if (scope) {
    conditions.push(scope.size ? `m.pack IN (${[...scope].map(() => '?').join(', ')})` : '0');
    params.push(...scope);
  }
  if (query.pack) {
    conditions.push('m.pack = ?');
    params.push(query.pack);
  }
  if (query.status) {
    conditions.push('s.status = ?');
    params.push(query.status);
  }
  // As the dashboard always searched: the name, email or ward containing the words, case ignored (email as kept).
  const q = query.q?.trim().toLowerCase();
  if (q) {
    conditions.push('(instr(s.name_lower, ?) > 0 OR instr(m.email, ?) > 0 OR instr(s.ward_lower, ?) > 0)');
    params.push(q, q, q);
  }
  return { sql: conditions.join(' AND '), params };
}

const FROM = 'FROM members m JOIN member_status s ON s.member_id = m.id';

export interface DashboardPage {
  rows: DashboardRow[];
  /** Members the query matches, over every page. */
  matching: number;
  /** The page shown (1-based, at most the last page) and how many there are. */
  page: number;
  pages: number;
}

/** One page of the members the query matches, in its sort. */
export function dashboardPage(db: DatabaseSync, scope: Scope, query: Query, page = 1, counts = statusCounts(db, scope)): DashboardPage {
  const w = where(scope, query);
  // Without a search, the counts by status already say how many match.
  const matching = query.q?.trim()
    ? (db.prepare(`SELECT count(*) AS n ${FROM} WHERE ${w.sql}`).get(...w.params) as { n: number }).n
    : [...counts].filter(([pack]) => !query.pack || pack === query.pack)
      .reduce((n, [, c]) => n + (query.status ? c[query.status] : Object.values(c).reduce((a, b) => a + b, 0)), 0);
  const pages = Math.max(1, Math.ceil(matching / PAGE_SIZE));
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE ${w.sql} ORDER BY ${ORDER[query.sort ?? 'status']} LIMIT ? OFFSET ?`)
    .all(...w.params, PAGE_SIZE, (shown - 1) * PAGE_SIZE) as unknown as DashboardRow[];
  return { rows, matching, page: shown, pages };
}

/** Members per status in each pack within the scope, for the counts at the top. */
export function statusCounts(db: DatabaseSync, scope: Scope): Map<string, Record<MemberStatus, number>> {
  const w = where(scope);
  const counts = new Map<string, Record<MemberStatus, number>>();
  for (const r of db.prepare(`SELECT m.pack, s.status, count(*) AS n ${FROM} WHERE ${w.sql} GROUP BY m.pack, s.status`).all(...w.params) as { pack: string; status: MemberStatus; n: number }[]) {
    const pack = counts.get(r.pack) ?? (Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<MemberStatus, number>);
    pack[r.status] = r.n;
    counts.set(r.pack, pack);
  }
  return counts;
}

/** Every visible member, most urgent first then by name (the register's order), with `columns`; read as it is iterated. */
function inRegisterOrder<T>(db: DatabaseSync, scope: Scope, columns: string): Iterable<T> {
  const w = where(scope);
  return db.prepare(`SELECT ${columns} ${FROM} WHERE ${w.sql} ORDER BY ${ORDER.status}`).iterate(...w.params) as Iterable<T>;
}

/** The columns the register exports, and no more: 100,000 rows are read for it. */
export type RegisterRow = Pick<DashboardRow, 'name' | 'email' | 'role' | 'ward_or_committee' | 'pack' | 'status' | 'due_date' | 'started_at' | 'signed_at' | 'policy_version' | 'expiresOn' | 'best_score' | 'record_id'>;

export const registerRows = (db: DatabaseSync, scope: Scope): Iterable<RegisterRow> => inRegisterOrder(db, scope,
  'm.name, m.email, m.role, m.ward_or_committee, m.pack, s.status, m.due_date, s.started_at, s.signed_at, s.policy_version, s.expires_on AS expiresOn, s.best_score, s.record_id');

/** Every visible member, for the committee report. */
export const visibleRows = (db: DatabaseSync, scope: Scope): DashboardRow[] => [...inRegisterOrder<DashboardRow>(db, scope, COLUMNS)];

/** Visible members never sent an invitation. */
export function notInvitedCount(db: DatabaseSync, scope: Scope): number {
  const w = where(scope);
  return (db.prepare(`SELECT count(*) AS n FROM members m WHERE ${w.sql}
    AND NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.member_id = m.id AND o.kind = 'invitation')`).get(...w.params) as { n: number }).n;
}

