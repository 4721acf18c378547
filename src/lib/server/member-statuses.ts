/**
 * Each member's status, kept in `member_status` (migration 009) so the dashboard reads it rather than
 * computing 20,000 of them per request. The rule stays in member-status.ts: a kept row is exactly
 * what `memberStatus` computes from the facts kept beside it. It goes stale when
 *   - an event changes one of those facts: the migration's triggers note the member in
 *     `member_status_stale` (sign-off, revocation, match, progress, attempts, roster changes), from
 *     whichever process wrote;
 *   - its pack changes (a new policy version or course content): `member_status_basis` no longer matches;
 *   - its day comes: `status_until`, the day the due date or the expiry passes.
 * `refreshStatuses` recomputes the stale rows; every reader calls it first. With nothing stale it
 * only reads three small indexed facts.
 */
import type { DatabaseSync } from 'node:sqlite';
import { memberStatus, statusUntil, STATUS_ORDER } from '../member-status.ts';
import { statusInput, UNKNOWN_PACK, type PackInfo } from './dashboard.ts';
import { transaction } from './db.ts';
import { listMembers } from './members.ts';

const basisOf = (p: PackInfo): string => JSON.stringify([p.policyVersion, p.contentHash, p.refreshMonths]);

/** Case and accents folded, for sorting in SQL close to the en-GB collation the dashboard used ("Émile" beside "Emma"). */
export const sortKey = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The UTC calendar day, as member-status.ts compares them. */
const day = (now: Date): string => now.toISOString().slice(0, 10);

/** Notes as stale every member of a pack whose policy, content or refresh period changed since their statuses were kept. */
function markChangedPacks(db: DatabaseSync, packs: ReadonlyMap<string, PackInfo>): void {
  const kept = new Map((db.prepare('SELECT pack, basis FROM member_status_basis').all() as { pack: string; basis: string }[]).map((r) => [r.pack, r.basis]));
  const changed = [...new Set([...packs.keys(), ...kept.keys()])]
    .map((pack) => ({ pack, basis: basisOf(packs.get(pack) ?? UNKNOWN_PACK) }))
    .filter(({ pack, basis }) => kept.get(pack) !== basis);
  if (changed.length === 0) return;
  transaction(db, () => {
    const mark = db.prepare('INSERT OR IGNORE INTO member_status_stale (member_id) SELECT id FROM members WHERE pack = ?');
    const keep = db.prepare('INSERT INTO member_status_basis (pack, basis) VALUES (?, ?) ON CONFLICT (pack) DO UPDATE SET basis = excluded.basis');
    for (const { pack, basis } of changed) {
      mark.run(pack);
      keep.run(pack, basis);
    }
  });
}

/**
 * Brings every kept status up to date for `now`, with `packs` the server's packs (all of them, not an
 * admin's scope: a member's status does not depend on who looks). Returns how many were recomputed.
 */
export function refreshStatuses(db: DatabaseSync, packs: ReadonlyMap<string, PackInfo>, now = new Date()): number {
  markChangedPacks(db, packs);
  const today = day(now);
  const due = db.prepare(`SELECT EXISTS (SELECT 1 FROM member_status_stale)
    OR EXISTS (SELECT 1 FROM member_status WHERE status_until IS NOT NULL AND status_until <= ?) AS due`).get(today) as { due: number };
  if (!due.due) return 0;
  return transaction(db, () => {
    db.prepare('INSERT OR IGNORE INTO member_status_stale (member_id) SELECT member_id FROM member_status WHERE status_until IS NOT NULL AND status_until <= ?').run(today);
    const rows = listMembers(db, { includeArchived: true, stale: true });
    const keep = db.prepare(`INSERT OR REPLACE INTO member_status (member_id, status, urgency, detail, expires_on, status_until,
      started_at, passed_unsigned, record_id, signed_at, policy_version, content_hash, best_score, revoked_at, name_key, ward_key, name_lower, ward_lower)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const m of rows) {
      const input = statusInput(m, packs.get(m.pack) ?? UNKNOWN_PACK, now);
      const result = memberStatus(input);
      keep.run(m.id, result.status, STATUS_ORDER.indexOf(result.status), result.detail, result.expiresOn, statusUntil(input, result),
        m.started_at, m.passed_unsigned, m.record_id, m.signed_at, m.policy_version, m.content_hash, m.best_score, m.revoked_at,
        sortKey(m.name), sortKey(m.ward_or_committee), m.name.toLowerCase(), m.ward_or_committee.toLowerCase());
    }
    db.exec('DELETE FROM member_status_stale');
    return rows.length;
  });
}
