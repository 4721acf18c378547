/**
 * Self-service admin accounts ("People who can sign in"): invite a colleague, reset a password, disable
 * or re-enable an account, end its sessions, limit it to some packs. An invitation or reset is a
 * one-time setup link for that account (its hash stored, as for the first admin's), valid for
 * INVITE_HOURS; until it is used the account has no password. Every change is audited. Two rules keep
 * someone able to manage the site: nobody disables themselves, and there is always an enabled admin
 * who sees every pack (a "full" admin).
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { sha256Hex } from '../digest.ts';
import { audit } from './audit.ts';
import { transaction } from './db.ts';
import { hashPassword } from './passwords.ts';
import { adminPackList, setAdminPacks } from './scope.ts';

export const INVITE_HOURS = 72;
/** The stored hash of an account whose password is not set: no password verifies against it. */
export const NO_PASSWORD = '!';

export interface AdminAccount {
  id: number;
  email: string;
  name: string;
  createdAt: string;
  disabledAt: string | null;
  /** Invited or reset, and the setup link not used yet. */
  awaitingPassword: boolean;
  /** Empty: every pack. */
  packs: string[];
  sessions: number;
}

export class AccountError extends Error {}

export function listAdmins(db: DatabaseSync): AdminAccount[] {
  const rows = db.prepare(`SELECT a.id, a.email, a.name, a.created_at, a.disabled_at, a.password_hash = ? AS awaiting,
    (SELECT count(*) FROM sessions s WHERE s.admin_id = a.id) AS sessions FROM admins a ORDER BY a.name COLLATE NOCASE`).all(NO_PASSWORD) as
    { id: number; email: string; name: string; created_at: string; disabled_at: string | null; awaiting: number; sessions: number }[];
  return rows.map((r) => ({
    id: r.id, email: r.email, name: r.name, createdAt: r.created_at, disabledAt: r.disabled_at,
    awaitingPassword: r.awaiting === 1, packs: adminPackList(db, r.id), sessions: r.sessions,
  }));
}

export const findAdmin = (db: DatabaseSync, id: number): AdminAccount | undefined => listAdmins(db).find((a) => a.id === id);

/** Enabled admins who see every pack. */
const fullAdmins = (db: DatabaseSync): AdminAccount[] => listAdmins(db).filter((a) => !a.disabledAt && a.packs.length === 0);

export const isFullAdmin = (db: DatabaseSync, id: number): boolean => fullAdmins(db).some((a) => a.id === id);

/** The last enabled full admin may not lose that: it would leave nobody able to manage the site. */
function keepsAFullAdmin(db: DatabaseSync, id: number): void {
  const full = fullAdmins(db);
  if (full.length === 1 && full[0]!.id === id) throw new AccountError(`${full[0]!.name} is the only admin who sees every course: give another account every course first.`);
}

function newLink(db: DatabaseSync, adminId: number, now: Date): string {
  const token = randomBytes(32).toString('base64url');
  // A new link replaces any unused one for the account.
  db.prepare('UPDATE setup_tokens SET used_at = ? WHERE admin_id = ? AND used_at IS NULL').run(now.toISOString(), adminId);
  db.prepare('INSERT INTO setup_tokens (id, expires_at, admin_id) VALUES (?, ?, ?)').run(sha256Hex(token), new Date(now.getTime() + INVITE_HOURS * 3_600_000).toISOString(), adminId);
  return token;
}

/** Adds an account with no password yet; returns its ID and setup link token. */
export function inviteAdmin(db: DatabaseSync, input: { email: string; name: string; packs: readonly string[] }, actor: string, now = new Date()): { id: number; token: string } {
  const email = input.email.trim().toLowerCase();
  return transaction(db, () => {
    if (db.prepare('SELECT 1 FROM admins WHERE email = ?').get(email)) throw new AccountError(`Someone with the email ${email} can already sign in.`);
    const { lastInsertRowid } = db.prepare('INSERT INTO admins (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)').run(email, input.name.trim(), NO_PASSWORD, now.toISOString());
    const id = Number(lastInsertRowid);
    setAdminPacks(db, id, input.packs);
    // admin-create, as for every account (npm run audit:verify pairs accounts with these entries).
    audit(db, actor, 'admin-create', email, { name: input.name.trim(), invited: true, packs: [...input.packs] }, now);
    return { id, token: newLink(db, id, now) };
  });
}

/** A new setup link; the old password stops working and the account's sessions end. */
export function resetAdminPassword(db: DatabaseSync, id: number, actor: string, now = new Date()): string {
  return transaction(db, () => {
    const admin = findAdmin(db, id);
    if (!admin) throw new AccountError('No such account.');
    db.prepare('UPDATE admins SET password_hash = ? WHERE id = ?').run(NO_PASSWORD, id);
    db.prepare('DELETE FROM sessions WHERE admin_id = ?').run(id);
    audit(db, actor, 'admin-reset', admin.email, {}, now);
    return newLink(db, id, now);
  });
}

export function disableAdmin(db: DatabaseSync, id: number, actorId: number, actor: string, now = new Date()): void {
  transaction(db, () => {
    const admin = findAdmin(db, id);
    if (!admin) throw new AccountError('No such account.');
    if (id === actorId) throw new AccountError('You cannot disable your own account: ask another admin.');
    if (admin.disabledAt) return;
    keepsAFullAdmin(db, id);
    db.prepare('UPDATE admins SET disabled_at = ? WHERE id = ?').run(now.toISOString(), id);
    db.prepare('DELETE FROM sessions WHERE admin_id = ?').run(id);
    db.prepare('UPDATE setup_tokens SET used_at = ? WHERE admin_id = ? AND used_at IS NULL').run(now.toISOString(), id);
    audit(db, actor, 'admin-disable', admin.email, {}, now);
  });
}

export function enableAdmin(db: DatabaseSync, id: number, actor: string, now = new Date()): void {
  transaction(db, () => {
    const admin = findAdmin(db, id);
    if (!admin) throw new AccountError('No such account.');
    if (!admin.disabledAt) return;
    db.prepare('UPDATE admins SET disabled_at = NULL WHERE id = ?').run(id);
    audit(db, actor, 'admin-enable', admin.email, {}, now);
  });
}

/** Ends every session of the account (its holder must sign in again); `keep` spares the session in use. */
export function endSessions(db: DatabaseSync, id: number, actor: string, keep?: string, now = new Date()): number {
  return transaction(db, () => {
    const admin = findAdmin(db, id);
    if (!admin) throw new AccountError('No such account.');
    const { changes } = db.prepare('DELETE FROM sessions WHERE admin_id = ? AND id <> ?').run(id, keep ? sha256Hex(keep) : '');
    audit(db, actor, 'admin-sessions-end', admin.email, { sessions: Number(changes) }, now);
    return Number(changes);
  });
}

/** Limits the account to some packs (none: every pack). */
export function changeAdminPacks(db: DatabaseSync, id: number, packs: readonly string[], actor: string, now = new Date()): void {
  transaction(db, () => {
    const admin = findAdmin(db, id);
    if (!admin) throw new AccountError('No such account.');
    if (packs.length > 0) keepsAFullAdmin(db, id);
    setAdminPacks(db, id, packs);
    audit(db, actor, 'admin-packs', admin.email, { packs: [...packs] }, now);
  });
}

/** The account a setup link is for, while it is unused, unexpired and the account enabled. */
export function accountForLink(db: DatabaseSync, token: string, now = new Date()): AdminAccount | undefined {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = db.prepare('SELECT admin_id, expires_at, used_at FROM setup_tokens WHERE id = ? AND admin_id IS NOT NULL').get(sha256Hex(token)) as
    { admin_id: number; expires_at: string; used_at: string | null } | undefined;
  if (!row || row.used_at !== null || Date.parse(row.expires_at) <= now.getTime()) return undefined;
  const admin = findAdmin(db, row.admin_id);
  return admin && !admin.disabledAt ? admin : undefined;
}

/** Sets the account's password from its setup link, once. */
export async function setPasswordFromLink(db: DatabaseSync, token: string, password: string, now = new Date()): Promise<AdminAccount | undefined> {
  const hash = await hashPassword(password);
  return transaction(db, () => {
    const admin = accountForLink(db, token, now);
    if (!admin) return undefined;
    db.prepare('UPDATE setup_tokens SET used_at = ? WHERE id = ?').run(now.toISOString(), sha256Hex(token));
    db.prepare('UPDATE admins SET password_hash = ? WHERE id = ?').run(hash, admin.id);
    audit(db, admin.email, 'admin-password-set', admin.email, {}, now);
    return admin;
  });
}
