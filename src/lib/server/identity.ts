/**
 * Self-declared sign-offs (security review row 1): records signed without a personal link carry the
 * signer's typed details, checked against nothing. The officer sees them in an "unmatched sign-offs"
 * list and either matches one to a roster member (an audited event; the record then counts for that
 * member) or rejects it (a revocation with a standard reason).
 */
import type { DatabaseSync } from 'node:sqlite';
import { nameKey } from '../format.ts';
import { audit } from './audit.ts';
import { transaction } from './db.ts';
import { isRecordId } from './records.ts';

export interface UnmatchedSignOff {
  id: string;
  pack: string;
  name: string;
  email: string | null;
  role: string;
  ward: string;
  signedAt: string;
  /** A roster member of the same course whose email or name is the typed one, if any. */
  suggestion: { id: number; name: string; email: string } | undefined;
}


/** Records with no roster member and no revocation, newest first. */
export function unmatchedSignOffs(db: DatabaseSync): UnmatchedSignOff[] {
  const rows = db.prepare(`SELECT r.id, r.pack, r.member_name AS name, r.member_email AS email, r.member_role AS role, r.member_group AS ward, r.signed_at AS signedAt
    FROM records r
    WHERE NOT EXISTS (SELECT 1 FROM record_members rm WHERE rm.record_id = r.id)
      AND NOT EXISTS (SELECT 1 FROM record_events e WHERE e.record_id = r.id AND e.kind = 'revoked')
    ORDER BY r.signed_at DESC`).all() as unknown as Omit<UnmatchedSignOff, 'suggestion'>[];
  if (rows.length === 0) return [];
  const suggest = suggester(db);
  return rows.map((r) => ({ ...r, suggestion: suggest(r) }));
}

const key = (pack: string, value: string) => `${pack}\n${nameKey(value)}`;

/**
 * Finds the current roster member of a record's course whose email, else whose name, is the one typed
 * (compared by `nameKey`). Reads the roster once: looking up each record is then a map lookup.
 */
export function suggester(db: DatabaseSync): (typed: { pack: string; email: string | null; name: string }) => UnmatchedSignOff['suggestion'] {
  const members = db.prepare('SELECT id, name, email, pack FROM members WHERE archived_at IS NULL ORDER BY id').all() as unknown as { id: number; name: string; email: string; pack: string }[];
  const byEmail = new Map<string, (typeof members)[number]>();
  const byName = new Map<string, (typeof members)[number]>();
  for (const m of members) {
    if (!byEmail.has(key(m.pack, m.email))) byEmail.set(key(m.pack, m.email), m);
    if (!byName.has(key(m.pack, m.name))) byName.set(key(m.pack, m.name), m);
  }
  return ({ pack, email, name }) => {
    const found = (email ? byEmail.get(key(pack, email)) : undefined) ?? byName.get(key(pack, name));
    return found && { id: found.id, name: found.name, email: found.email };
  };
}

export interface RecordMatch {
  memberId: number;
  actor: string;
  at: string;
}

export function recordMatch(db: DatabaseSync, recordId: string): RecordMatch | undefined {
  return db.prepare('SELECT member_id AS memberId, actor, at FROM record_matches WHERE record_id = ?').get(recordId) as RecordMatch | undefined;
}

/** The roster member a record counts for (signed through their link, or matched), if any. */
export function memberOfRecord(db: DatabaseSync, recordId: string): number | undefined {
  return (db.prepare('SELECT member_id FROM record_members WHERE record_id = ?').get(recordId) as { member_id: number } | undefined)?.member_id;
}

export type MatchResult = { ok: true } | { ok: false; message: string };

/**
 * Matches a self-declared record to a roster member of the same course. Refused when the record is
 * already a member's, revoked, roster-verified, or for another course, or the member is archived.
 */
export function matchRecord(db: DatabaseSync, recordId: string, memberId: number, actor: string, now = new Date()): MatchResult {
  if (!isRecordId(recordId)) return { ok: false, message: 'No record has this ID.' };
  return transaction(db, (): MatchResult => {
    const record = db.prepare('SELECT pack, body FROM records WHERE id = ?').get(recordId) as { pack: string; body: string } | undefined;
    if (!record) return { ok: false, message: 'No record has this ID.' };
    if ((JSON.parse(record.body) as { identity?: { level?: string } }).identity?.level === 'roster-verified') {
      return { ok: false, message: 'This record was signed through a personal link: it already belongs to its member.' };
    }
    if (memberOfRecord(db, recordId) !== undefined) return { ok: false, message: 'This record is already matched to a member.' };
    if (db.prepare("SELECT 1 AS y FROM record_events WHERE record_id = ? AND kind = 'revoked'").get(recordId)) {
      return { ok: false, message: 'This record has been revoked, so it cannot be matched.' };
    }
    const member = db.prepare('SELECT pack, email, archived_at FROM members WHERE id = ?').get(memberId) as { pack: string; email: string; archived_at: string | null } | undefined;
    if (!member || member.archived_at) return { ok: false, message: 'Choose a current member of the roster.' };
    if (member.pack !== record.pack) return { ok: false, message: "That member is on another council's course: choose a member of this record's course." };
    const at = now.toISOString();
    db.prepare('INSERT INTO record_matches (record_id, member_id, actor, at) VALUES (?, ?, ?, ?)').run(recordId, memberId, actor, at);
    db.prepare('INSERT INTO record_members (record_id, member_id) VALUES (?, ?)').run(recordId, memberId);
    audit(db, actor, 'record-match', recordId, { member: memberId, email: member.email }, now);
    return { ok: true };
  });
}

/** The revocation reason a rejection records (with the officer's note, if any). */
export const rejectionReason = (note: string): string =>
  `Rejected by the council: the signer could not be matched to its roster.${note ? ` ${note}` : ''}`;
