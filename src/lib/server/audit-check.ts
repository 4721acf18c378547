/**
 * `npm run audit:verify`'s checks: the audit log against its chain, its anchors and the tables it
 * describes (security review row 12). Someone with the database file but not the signing key:
 *
 * - edits, removes or reorders an entry: the chain breaks;
 * - rewrites entries and recomputes every hash: the new head's anchor does not verify (they cannot
 *   sign it), and every rewritten entry's anchor fails too;
 * - deletes or inserts a record or a revocation, or forges a revocation: a record without its
 *   'sign-off' entry, a 'sign-off' entry without its record, revocation rows and 'revoke' entries
 *   that do not pair up, or a revocation whose signature does not verify;
 * - deletes the last N entries: the shorter log is still a valid, anchored chain (each entry was
 *   anchored when written). It is detected only when the cut removes an entry that a table still
 *   needs: a record's sign-off, a revocation, an admin's creation, or an added member (counted).
 *   Cutting back past only logins, edits, links and exports is NOT detectable from the database
 *   alone. Hence the head (entry number and hash) that audit:verify prints: noted outside the
 *   database (e.g. in committee minutes), `--expect ID:HASH` later proves the log still reaches it.
 * - edits an unsigned column of a record (policy_version, signed_at…): reported where it differs
 *   from the signed body. The dashboard reads those columns (fast for 20,000 members); this check
 *   is what makes an edit there visible.
 *
 * Someone who also holds the signing key can forge anything the key signs; keep the key apart from
 * the database (COURSE_SIGNING_KEY from a secret store) where that matters.
 */
import type { DatabaseSync } from 'node:sqlite';
import { canonicalJson } from '../canonical.ts';
import type { SignOffRecord } from '../record.ts';
import { anchorHolds, verifyAuditChain } from './audit.ts';
import { publicKeyById, type SigningKey } from './keys.ts';
import { checkRecord } from './records.ts';
import { revocationProblem, type RevocationRow } from './revocations.ts';

export interface AuditReport {
  entries: number;
  /** The newest entry: note its ID and hash outside the database. */
  head: { id: number; hash: string; at: string } | undefined;
  /** Entries written before anchoring existed (migration 005), covered by the first anchored entry's chain. */
  unanchoredBefore: number;
  counts: { records: number; revocations: number; admins: number; members: number };
  problems: string[];
}

/** Up to five items, then how many more: problems stay readable when thousands of rows are affected. */
function some(items: readonly string[]): string {
  return items.length <= 5 ? items.join(', ') : `${items.slice(0, 5).join(', ')} and ${items.length - 5} more`;
}

/** Counts of a subject per audit action, for pairing entries with rows. */
function subjects(db: DatabaseSync, action: string): Map<string, number> {
  const rows = db.prepare('SELECT subject, count(*) AS n FROM audit_log WHERE action = ? GROUP BY subject').all(action) as { subject: string; n: number }[];
  return new Map(rows.map((r) => [r.subject, r.n]));
}

function checkAnchors(db: DatabaseSync, key: SigningKey, problems: string[]): number {
  let anchoredSeen = false;
  let unanchoredBefore = 0;
  const missing: string[] = [];
  const bad: string[] = [];
  const rows = db.prepare('SELECT id, hash, anchor, anchor_key FROM audit_log ORDER BY id').iterate() as Iterable<{ id: number; hash: string; anchor: string | null; anchor_key: string | null }>;
  let head: { id: number; anchor: string | null; anchor_key: string | null } | undefined;
  for (const row of rows) {
    head = row;
    if (row.anchor === null) {
      if (anchoredSeen) missing.push(String(row.id));
      else unanchoredBefore++;
      continue;
    }
    anchoredSeen = true;
    const publicKey = row.anchor_key === key.keyId ? key.publicKey : /^[0-9a-f]{16}$/.test(row.anchor_key ?? '') ? publicKeyById(db, row.anchor_key!) : undefined;
    if (!publicKey || !anchorHolds(row.id, row.hash, row.anchor, publicKey)) bad.push(String(row.id));
  }
  if (missing.length) problems.push(`Audit entries ${some(missing)} have no anchor: written without the signing key, or their anchor was removed.`);
  if (bad.length) problems.push(`Audit entries ${some(bad)} have an anchor that does not match: rewritten with their hashes recomputed, or anchored by a key the course does not know.`);
  if (head && head.anchor === null) {
    problems.push(`The newest audit entry (${head.id}) has no anchor: the log was rewritten or cut back, or, if this database predates anchoring, nothing has been logged since (any sign-in writes an anchored entry that covers the older ones).`);
  } else if (head && head.anchor_key !== key.keyId) {
    problems.push(`The newest audit entry (${head.id}) is anchored by key ${head.anchor_key}, not the configured signing key ${key.keyId}. After a key rotation this clears with the next logged event; otherwise the log was rewritten.`);
  }
  return unanchoredBefore;
}

interface RecordRow {
  id: string; pack: string; policy_version: string; content_hash: string; member_name: string; member_role: string;
  member_group: string; member_email: string | null; attempt_id: string; signed_at: string; key_id: string; body: string; signature: string;
}

/** The unsigned columns that must say what the signed body says. */
const COLUMNS: [keyof RecordRow, (r: SignOffRecord) => unknown][] = [
  ['pack', (r) => r.course.pack], ['policy_version', (r) => r.course.policyVersion], ['content_hash', (r) => r.course.contentHash],
  ['member_name', (r) => r.member.name], ['member_role', (r) => r.member.role], ['member_group', (r) => r.member.wardOrCommittee],
  ['member_email', (r) => r.member.email], ['attempt_id', (r) => r.assessment.attempt], ['signed_at', (r) => r.signedAt], ['key_id', (r) => r.keyId],
];

function checkRecords(db: DatabaseSync, problems: string[]): Map<string, string> {
  const signOffs = subjects(db, 'sign-off');
  const bodies = new Map<string, string>();
  const unlogged: string[] = [];
  for (const row of db.prepare('SELECT * FROM records ORDER BY signed_at').iterate() as Iterable<RecordRow>) {
    bodies.set(row.id, row.body);
    if (!signOffs.has(row.id)) unlogged.push(row.id);
    let record: SignOffRecord;
    try {
      record = JSON.parse(row.body) as SignOffRecord;
    } catch {
      problems.push(`Record ${row.id} is not JSON.`);
      continue;
    }
    const status = canonicalJson(record) === row.body ? checkRecord(db, record, row.signature) : { status: 'invalid', reason: 'it is not in its signed form' } as const;
    if (status.status === 'invalid') {
      problems.push(`Record ${row.id} does not verify: ${status.reason}.`);
      continue;
    }
    const changed = COLUMNS.filter(([column, signed]) => row[column] !== signed(record)).map(([column]) => column);
    if (changed.length) problems.push(`Record ${row.id}: the ${changed.join(', ')} column${changed.length > 1 ? 's differ' : ' differs'} from the signed record (edited in the database; the dashboard reads ${changed.length > 1 ? 'them' : 'it'}).`);
  }
  if (unlogged.length) problems.push(`Records ${some(unlogged)} have no sign-off entry in the audit log: written straight into the database, or the log was cut back.`);
  const deleted = [...signOffs.keys()].filter((id) => !bodies.has(id));
  if (deleted.length) problems.push(`The audit log has sign-offs for ${some(deleted)}, but no such record exists: deleted from the database.`);
  return bodies;
}

function checkRevocations(db: DatabaseSync, bodies: ReadonlyMap<string, string>, problems: string[]): number {
  const revokes = subjects(db, 'revoke');
  const rows = db.prepare("SELECT id, record_id, reason, actor, at, body, signature FROM record_events WHERE kind = 'revoked' ORDER BY id").all() as unknown as RevocationRow[];
  const stored = new Map<string, number>();
  for (const row of rows) {
    stored.set(row.record_id, (stored.get(row.record_id) ?? 0) + 1);
    const body = bodies.get(row.record_id);
    const problem = body === undefined ? 'its record does not exist' : revocationProblem(db, row, body);
    if (problem) problems.push(`Revocation ${row.id} of record ${row.record_id} has been tampered with: ${problem}.`);
  }
  for (const id of new Set([...stored.keys(), ...revokes.keys()])) {
    const rowsFor = stored.get(id) ?? 0;
    const logged = revokes.get(id) ?? 0;
    if (logged > rowsFor) problems.push(`The audit log revokes record ${id} ${logged} time(s), but the database holds ${rowsFor} revocation(s): a revocation was deleted, so the record shows as valid.`);
    if (rowsFor > logged) problems.push(`Record ${id} has ${rowsFor} revocation(s) but the audit log has ${logged}: written straight into the database, or the log was cut back.`);
  }
  return rows.length;
}

function checkPeople(db: DatabaseSync, problems: string[]): { admins: number; members: number } {
  const created = subjects(db, 'admin-create');
  const admins = (db.prepare('SELECT email FROM admins').all() as { email: string }[]).map((a) => a.email.toLowerCase());
  const unlogged = admins.filter((email) => !created.has(email));
  if (unlogged.length) problems.push(`Admin accounts ${some(unlogged)} have no admin-create entry: added straight into the database, or the log was cut back.`);
  const gone = [...created.keys()].filter((email) => !admins.includes(email));
  if (gone.length) problems.push(`The audit log created admin accounts ${some(gone)}, which no longer exist: deleted from the database.`);
  // Members are never deleted (only archived), so the count must match the adds the log records.
  const members = (db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
  const added = (db.prepare(`SELECT
      (SELECT count(*) FROM audit_log WHERE action = 'member-add') +
      (SELECT coalesce(sum(json_extract(detail, '$.added')), 0) FROM audit_log WHERE action = 'roster-import') AS n`).get() as { n: number }).n;
  if (members !== added) problems.push(`The database holds ${members} members but the audit log records adding ${added}: ${members > added ? 'members were added straight into the database, or the log was cut back' : 'members were deleted from the database'}.`);
  return { admins: admins.length, members };
}

/**
 * Who a record counts for: a roster member through their link (its sign-off entry says `member:<id>`)
 * or an officer's match (a `record-match` entry). A row in `record_members` with neither was written
 * straight into the database, crediting a member with a record they never signed.
 */
function checkRecordMembers(db: DatabaseSync, problems: string[]): void {
  const matched = subjects(db, 'record-match');
  const matches = (db.prepare('SELECT record_id FROM record_matches').all() as { record_id: string }[]).map((r) => r.record_id);
  const unlogged = matches.filter((id) => !matched.has(id));
  if (unlogged.length) problems.push(`Records ${some(unlogged)} are matched to a member without a record-match entry in the audit log: matched straight in the database, or the log was cut back.`);
  const gone = [...matched.keys()].filter((id) => !matches.includes(id));
  if (gone.length) problems.push(`The audit log matches records ${some(gone)} to members, but the database holds no such match: deleted from the database.`);
  const credited = db.prepare(`SELECT rm.record_id FROM record_members rm
    WHERE NOT EXISTS (SELECT 1 FROM record_matches x WHERE x.record_id = rm.record_id AND x.member_id = rm.member_id)
      AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'sign-off' AND a.subject = rm.record_id AND a.actor = 'member:' || rm.member_id)`).all() as { record_id: string }[];
  if (credited.length) problems.push(`Records ${some(credited.map((r) => r.record_id))} count for a member who neither signed them through their link nor was matched to them by an officer: changed in the database.`);
}

/**
 * Every check, in one read transaction (a consistent snapshot while the server writes). `key` is the
 * configured signing key, from outside the database: the newest entry must be anchored by it.
 */
export function checkAuditLog(db: DatabaseSync, key: SigningKey): AuditReport {
  const own = !db.isTransaction;
  if (own) db.exec('BEGIN');
  try {
    const problems: string[] = [];
    const chain = verifyAuditChain(db);
    if (!chain.ok) problems.push(`The audit log's chain is broken at entry ${chain.brokenAt}: ${chain.reason}.`);
    const unanchoredBefore = checkAnchors(db, key, problems);
    const bodies = checkRecords(db, problems);
    const revocations = checkRevocations(db, bodies, problems);
    const people = checkPeople(db, problems);
    checkRecordMembers(db, problems);
    const head = db.prepare('SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1').get() as AuditReport['head'];
    const entries = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    return { entries, head: head && { ...head }, unanchoredBefore, counts: { records: bodies.size, revocations, ...people }, problems };
  } finally {
    if (own) db.exec('COMMIT');
  }
}

/** `--expect ID:HASH`: whether entry ID (a head noted earlier, outside the database) still has that hash. */
export function expectedHeadProblem(db: DatabaseSync, expected: string): string | undefined {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(expected.trim());
  if (!match) return `"${expected}" is not ENTRY:HASH (an entry number, a colon and a 64-digit hash, as audit:verify prints them).`;
  const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(Number(match[1])) as { hash: string } | undefined;
  if (!row) return `Audit entry ${match[1]}, noted earlier, is gone: the log was cut back past it.`;
  return row.hash === match[2] ? undefined : `Audit entry ${match[1]} no longer has the hash noted earlier: the log was rewritten.`;
}
