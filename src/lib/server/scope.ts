/**
 * Which packs an admin sees: those listed for them in admin_packs (none listed: every pack), within the
 * packs this server serves (COURSE_PACKS). A limited admin sees only their packs' members, records,
 * figures and audit entries; every admin page asks `sees` or filters with `visibleMembers`.
 */
import type { DatabaseSync } from 'node:sqlite';
import { servedPacks } from '../served-packs.ts';

/** undefined: every pack. */
export type Scope = ReadonlySet<string> | undefined;

/** The packs listed for an admin; empty for a full admin (every pack). */
export const adminPackList = (db: DatabaseSync, adminId: number): string[] =>
  (db.prepare('SELECT pack FROM admin_packs WHERE admin_id = ? ORDER BY pack').all(adminId) as { pack: string }[]).map((r) => r.pack);

/** The admin's own packs met with the server's (either may be "every pack"). */
export function scopeOf(db: DatabaseSync, adminId: number, served: Scope = servedPacks()): Scope {
  const own = adminPackList(db, adminId);
  if (own.length === 0) return served;
  return new Set(served ? own.filter((p) => served.has(p)) : own);
}

export const sees = (scope: Scope, pack: string): boolean => !scope || scope.has(pack);

export const visibleMembers = <T extends { pack: string }>(scope: Scope, rows: readonly T[]): T[] => (scope ? rows.filter((r) => scope.has(r.pack)) : [...rows]);

/** A member's pack, if the member exists: pages 404 a member outside the admin's packs. */
export const memberPack = (db: DatabaseSync, id: number): string | undefined =>
  (db.prepare('SELECT pack FROM members WHERE id = ?').get(id) as { pack: string } | undefined)?.pack;

export const recordPack = (db: DatabaseSync, id: string): string | undefined =>
  (db.prepare('SELECT pack FROM records WHERE id = ?').get(id) as { pack: string } | undefined)?.pack;

/** Sets an admin's packs (none: every pack). */
export function setAdminPacks(db: DatabaseSync, adminId: number, packs: readonly string[]): void {
  db.prepare('DELETE FROM admin_packs WHERE admin_id = ?').run(adminId);
  const insert = db.prepare('INSERT INTO admin_packs (admin_id, pack) VALUES (?, ?)');
  for (const pack of new Set(packs)) insert.run(adminId, pack);
}

/**
 * Emails already held by members of packs outside the scope: an import or edit must not take over
 * another council's member (members are matched by email across the whole database).
 */
export function othersMembers(db: DatabaseSync, scope: Scope, emails: readonly string[]): string[] {
  if (!scope) return [];
  const find = db.prepare('SELECT pack FROM members WHERE email = ?');
  return emails.filter((email) => {
    const row = find.get(email) as { pack: string } | undefined;
    return row !== undefined && !scope.has(row.pack);
  });
}
