/**
 * The member roster: import (all or nothing, matched by email), listing with what the dashboard
 * needs to compute each member's status, personal course links, archiving.
 */
import type { DatabaseSync } from 'node:sqlite';
import { stringify } from 'csv-stringify/sync';
import { parseRoster, type RosterMember } from '../roster.ts';
import { audit } from './audit.ts';
import { transaction } from './db.ts';
import { memberIdByLink, newLink } from './links.ts';

export interface MemberRow {
  id: number;
  email: string;
  name: string;
  role: 'councillor' | 'co-opted member';
  ward_or_committee: string;
  pack: string;
  due_date: string;
  link_created_at: string | null;
  archived_at: string | null;
  /** First progress event, if any. */
  started_at: string | null;
  /** A passed assessment attempt not yet used to sign. */
  passed_unsigned: number;
  /** The latest unrevoked record. */
  record_id: string | null;
  signed_at: string | null;
  policy_version: string | null;
  content_hash: string | null;
  /** Latest assessment score, per cent, if any attempt was marked. */
  best_score: number | null;
  /** When the member's latest sign-off was revoked, if one was. */
  revoked_at: string | null;
}

/**
 * Every member with the figures their status needs, in one query. Each figure is a subquery on one
 * member's own rows (all indexed), so reading a few members (`id`, or `stale`: those whose kept
 * status is out of date, member-statuses.ts) costs as little as they are few.
 */
export function listMembers(db: DatabaseSync, options: { includeArchived?: boolean; id?: number; stale?: boolean } = {}): MemberRow[] {
  const where = [
    options.includeArchived ? '' : 'm.archived_at IS NULL',
    options.id === undefined ? '' : 'm.id = ?',
    options.stale ? 'm.id IN (SELECT member_id FROM member_status_stale)' : '',
  ].filter(Boolean);
  return db.prepare(`
    SELECT m.id, m.email, m.name, m.role, m.ward_or_committee, m.pack, m.due_date, m.link_created_at, m.archived_at,
           -- Started: the earliest of any progress event and any attempt (min() skips the one that is missing).
           (SELECT min(t) FROM (SELECT min(e.at) AS t FROM member_events e WHERE e.member_id = m.id
                                UNION ALL SELECT min(a.created_at) FROM attempts a WHERE a.member_id = m.id)) AS started_at,
           EXISTS (SELECT 1 FROM attempts a WHERE a.member_id = m.id AND a.passed = 1
                   AND NOT EXISTS (SELECT 1 FROM records r WHERE r.attempt_id = a.id)) AS passed_unsigned,
           l.id AS record_id, l.signed_at, l.policy_version, l.content_hash,
           (SELECT max(CASE WHEN a.total > 0 THEN (a.correct * 100) / a.total END) FROM attempts a WHERE a.member_id = m.id) AS best_score,
           (SELECT max(e.at) FROM record_members rm JOIN record_events e ON e.record_id = rm.record_id AND e.kind = 'revoked'
            WHERE rm.member_id = m.id) AS revoked_at
    FROM members m
    -- The latest unrevoked record.
    LEFT JOIN records l ON l.id = (
      SELECT r.id FROM record_members rm JOIN records r ON r.id = rm.record_id
      WHERE rm.member_id = m.id AND NOT EXISTS (SELECT 1 FROM record_events e WHERE e.record_id = r.id AND e.kind = 'revoked')
      ORDER BY r.signed_at DESC LIMIT 1)
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY m.name COLLATE NOCASE
  `).all(...(options.id === undefined ? [] : [options.id])) as unknown as MemberRow[];
}

/** Imports a validated roster in one transaction: new emails are added, known ones updated. */
export function importRoster(db: DatabaseSync, members: readonly RosterMember[], actor: string, now = new Date()): { added: number; updated: number } {
  return transaction(db, () => {
    let added = 0;
    let updated = 0;
    const at = now.toISOString();
    const find = db.prepare('SELECT id FROM members WHERE email = ?');
    const insert = db.prepare('INSERT INTO members (email, name, role, ward_or_committee, pack, due_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const update = db.prepare('UPDATE members SET name = ?, role = ?, ward_or_committee = ?, pack = ?, due_date = ?, archived_at = NULL, updated_at = ? WHERE id = ?');
    for (const m of members) {
      const existing = find.get(m.email) as { id: number } | undefined;
      if (existing) {
        update.run(m.name, m.role, m.wardOrCommittee, m.pack, m.dueDate, at, existing.id);
        updated++;
      } else {
        insert.run(m.email, m.name, m.role, m.wardOrCommittee, m.pack, m.dueDate, at, at);
        added++;
      }
    }
    audit(db, actor, 'roster-import', `${members.length} members`, { added, updated }, now);
    return { added, updated };
  });
}

/** A new personal link for a member (see links.ts); the old link stops working. */
export const regenerateLink = (db: DatabaseSync, memberId: number, actor: string, now = new Date()): string => newLink(db, memberId, actor, now);

export function memberByLink(db: DatabaseSync, token: string): MemberRow | undefined {
  const id = memberIdByLink(db, token);
  return id === undefined ? undefined : listMembers(db, { includeArchived: true, id })[0];
}

export interface MemberDetail {
  member: MemberRow;
  records: { id: string; signed_at: string; policy_version: string; revoked_at: string | null; reason: string | null }[];
  attempts: { created_at: string; submitted_at: string | null; correct: number | null; total: number | null; passed: number | null }[];
  events: { kind: string; item: string; correct: number | null; at: string }[];
}

export function memberDetail(db: DatabaseSync, id: number): MemberDetail | undefined {
  const [member] = listMembers(db, { includeArchived: true, id });
  if (!member) return undefined;
  return {
    member,
    records: db.prepare(`SELECT r.id, r.signed_at, r.policy_version, e.at AS revoked_at, e.reason FROM record_members rm JOIN records r ON r.id = rm.record_id
      LEFT JOIN record_events e ON e.record_id = r.id AND e.kind = 'revoked' WHERE rm.member_id = ? ORDER BY r.signed_at DESC`).all(id) as unknown as MemberDetail['records'],
    attempts: db.prepare('SELECT created_at, submitted_at, correct, total, passed FROM attempts WHERE member_id = ? ORDER BY created_at DESC').all(id) as unknown as MemberDetail['attempts'],
    events: db.prepare('SELECT kind, item, correct, at FROM member_events WHERE member_id = ? ORDER BY at, id').all(id) as unknown as MemberDetail['events'],
  };
}

/** Adds a member (id null) or changes one, after the roster's own checks; returns the member's ID. */
export function saveMember(db: DatabaseSync, id: number | null, m: RosterMember, actor: string, now = new Date()): number {
  return transaction(db, () => {
    const at = now.toISOString();
    if (id === null) {
      const { lastInsertRowid } = db.prepare('INSERT INTO members (email, name, role, ward_or_committee, pack, due_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(m.email, m.name, m.role, m.wardOrCommittee, m.pack, m.dueDate, at, at);
      audit(db, actor, 'member-add', String(lastInsertRowid), { email: m.email }, now);
      return Number(lastInsertRowid);
    }
    db.prepare('UPDATE members SET email = ?, name = ?, role = ?, ward_or_committee = ?, pack = ?, due_date = ?, updated_at = ? WHERE id = ?')
      .run(m.email, m.name, m.role, m.wardOrCommittee, m.pack, m.dueDate, at, id);
    audit(db, actor, 'member-edit', String(id), { email: m.email }, now);
    return id;
  });
}

/** Archives members: off the dashboard and their links stop working; nothing is deleted, records stay. Returns how many were archived. */
export function archiveMembers(db: DatabaseSync, ids: readonly number[], actor: string, now = new Date()): number {
  return transaction(db, () => {
    const archive = db.prepare('UPDATE members SET archived_at = ?, link_hash = NULL, legacy_link_hash = NULL, link_generation = link_generation + 1, updated_at = ? WHERE id = ? AND archived_at IS NULL');
    // The generation goes up too, so restoring the member later does not bring the old link back.
    let archived = 0;
    for (const id of ids) {
      if (archive.run(now.toISOString(), now.toISOString(), id).changes === 0) continue;
      audit(db, actor, 'member-archive', String(id), {}, now);
      archived++;
    }
    return archived;
  });
}

export const archiveMember = (db: DatabaseSync, id: number, actor: string, now = new Date()): void => void archiveMembers(db, [id], actor, now);

/** One problem with a member's details, for the field it belongs to ("Email ... is not a valid email address"). */
export interface FieldProblem {
  field: keyof RosterMember;
  message: string;
}

/** Checks one member's details with exactly the roster import's rules; each problem names its field. */
export function checkMember(form: URLSearchParams, packs: readonly string[]): { ok: true; member: RosterMember } | { ok: false; problems: FieldProblem[] } {
  const fields = ['name', 'email', 'role', 'wardOrCommittee', 'pack', 'dueDate'].map((f) => (form.get(f) ?? '').trim());
  const result = parseRoster(stringify([['name', 'email', 'role', 'ward or committee', 'course pack', 'induction due date'], fields]), packs);
  if (result.ok) return { ok: true, member: result.members[0]! };
  return {
    ok: false,
    problems: result.problems.map((p) => {
      const text = p.message.replace(/^Row 2: /, '');
      return { field: (p.field ?? 'name') as keyof RosterMember, message: text.charAt(0).toUpperCase() + text.slice(1) };
    }),
  };
}

/** Takes an archived member back onto the dashboard. Their old link stays dead: they need a new one. */
export function restoreMember(db: DatabaseSync, id: number, actor: string, now = new Date()): boolean {
  return transaction(db, () => {
    const { changes } = db.prepare('UPDATE members SET archived_at = NULL, link_created_at = NULL, updated_at = ? WHERE id = ? AND archived_at IS NOT NULL').run(now.toISOString(), id);
    if (changes > 0) audit(db, actor, 'member-restore', String(id), {}, now);
    return changes > 0;
  });
}

export interface ArchivedMember {
  id: number;
  name: string;
  email: string;
  pack: string;
  archived_at: string;
}

/** Archived members, for the dashboard's "Archived" list, newest first. */
export const archivedMembers = (db: DatabaseSync): ArchivedMember[] =>
  db.prepare('SELECT id, name, email, pack, archived_at FROM members WHERE archived_at IS NOT NULL ORDER BY archived_at DESC, name COLLATE NOCASE').all() as unknown as ArchivedMember[];
