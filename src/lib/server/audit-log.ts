/**
 * The audit log as the audit page reads it: filtered by member, action and date, newest first, a page
 * at a time, and for an admin limited to some packs only the entries about those packs' members and
 * records, and their own.
 */
import type { AuditEntry } from './audit.ts';
import type { DatabaseSync } from 'node:sqlite';
import { MEMBER_ACTIONS, RECORD_ACTIONS } from '../audit-actions.ts';
import type { Scope } from './scope.ts';

export const PAGE_SIZE = 50;

export interface AuditQuery {
  /** Member IDs whose entries to show (from the member search); undefined: everyone. */
  members?: readonly number[] | undefined;
  action?: string | undefined;
  /** YYYY-MM-DD, inclusive, UTC days. */
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

/** An entry as the log page lists it: the entry without its chain hashes. */
export type AuditRow = Omit<AuditEntry, 'prev_hash' | 'hash' | 'anchor' | 'anchor_key'>;

const list = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The WHERE clause and its parameters for a query within a scope; `self` is the reading admin's email. */
function where(query: AuditQuery, scope: Scope, self: string): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  // Entries about members (by pack, or by member ID): member actions name the member, record actions the record.
  const about = (by: 'pack' | 'id', values: readonly (string | number)[]) => {
    const members = `SELECT CAST(id AS TEXT) FROM members WHERE ${by} IN (${list(values)})`;
    const records = by === 'pack' ? `SELECT id FROM records WHERE pack IN (${list(values)})` : `SELECT record_id FROM record_members WHERE member_id IN (${list(values)})`;
    params.push(...MEMBER_ACTIONS, ...values, ...RECORD_ACTIONS, ...values);
    return `((action IN (${list(MEMBER_ACTIONS)}) AND subject IN (${members})) OR (action IN (${list(RECORD_ACTIONS)}) AND subject IN (${records})))`;
  };
  if (scope) {
    // A limited admin: entries about their packs, and their own doings (sign-ins, imports).
    const clause = about('pack', scope.size > 0 ? [...scope] : ['']);
    parts.push(`(${clause} OR actor = ?)`);
    params.push(self);
  }
  if (query.members) parts.push(about('id', query.members.length > 0 ? query.members : [-1]));
  if (query.action) {
    parts.push('action = ?');
    params.push(query.action);
  }
  if (query.from) {
    parts.push('at >= ?');
    params.push(`${query.from}T00:00:00.000Z`);
  }
  if (query.to) {
    parts.push('at < ?');
    params.push(new Date(Date.parse(`${query.to}T00:00:00.000Z`) + 86_400_000).toISOString());
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function auditPage(db: DatabaseSync, query: AuditQuery, scope: Scope, self: string): { rows: AuditRow[]; total: number; page: number; pages: number } {
  const { sql, params } = where(query, scope, self);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${sql}`).get(...params) as { n: number }).n;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pages);
  const rows = db.prepare(`SELECT id, at, actor, action, subject, detail FROM audit_log ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, PAGE_SIZE, (page - 1) * PAGE_SIZE) as unknown as AuditRow[];
  return { rows, total, page, pages };
}

/** Members (within the scope) whose name or email contains the text typed, for the member filter. */
export function membersMatching(db: DatabaseSync, text: string, scope: Scope): { id: number; name: string; email: string; pack: string }[] {
  const like = `%${text.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db.prepare("SELECT id, name, email, pack FROM members WHERE lower(name) LIKE ? ESCAPE '\\' OR lower(email) LIKE ? ESCAPE '\\' ORDER BY name LIMIT 200").all(like, like) as { id: number; name: string; email: string; pack: string }[];
  return scope ? rows.filter((r) => scope.has(r.pack)) : rows;
}
