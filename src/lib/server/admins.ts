/**
 * Admin accounts, sign-in with lockout, sessions and the one-time setup link. Tokens (session
 * cookies, setup links) are 256 random bits; the database keeps only their SHA-256.
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { sha256Hex } from '../digest.ts';
import { audit } from './audit.ts';
import { transaction } from './db.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { servedOverHttps } from './http.ts';

export const SESSION_COOKIE = 'cc_admin_session';
/** A session ends after 30 minutes without a request, and 8 hours after sign-in whatever happens. */
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 8;
/** Five failed sign-ins (per account, or per address) lock sign-in for 15 minutes. */
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
export const SETUP_MINUTES = 30;

export interface Admin {
  id: number;
  email: string;
  name: string;
}

const token = () => randomBytes(32).toString('base64url');
const minutes = (n: number) => n * 60_000;

export const adminCount = (db: DatabaseSync): number => (db.prepare('SELECT count(*) AS n FROM admins').get() as { n: number }).n;

export async function createAdmin(db: DatabaseSync, input: { email: string; name: string; password: string }, actor: string): Promise<number> {
  const hash = await hashPassword(input.password);
  return transaction(db, () => {
    const { lastInsertRowid } = db.prepare('INSERT INTO admins (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(input.email.toLowerCase(), input.name, hash, new Date().toISOString());
    audit(db, actor, 'admin-create', input.email.toLowerCase(), { name: input.name });
    return Number(lastInsertRowid);
  });
}

/** When sign-in opens again for this account or address, if it is locked now. */
function lockedUntil(db: DatabaseSync, email: string, address: string, now: Date): Date | undefined {
  const since = new Date(now.getTime() - minutes(LOCK_MINUTES)).toISOString();
  const byEmail = db.prepare('SELECT at FROM login_failures WHERE email = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?').get(email, since, LOCK_AFTER - 1) as { at: string } | undefined;
  const byAddress = db.prepare('SELECT at FROM login_failures WHERE address = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?').get(address, since, LOCK_AFTER - 1) as { at: string } | undefined;
  const latest = [byEmail, byAddress].filter((r) => r !== undefined).map((r) => new Date(r.at).getTime() + minutes(LOCK_MINUTES));
  return latest.length > 0 ? new Date(Math.max(...latest)) : undefined;
}

export type LoginResult = { ok: true; token: string; admin: Admin } | { ok: false; status: 401 | 429; message: string };

export async function login(db: DatabaseSync, email: string, password: string, address: string, now = new Date()): Promise<LoginResult> {
  const normalised = email.trim().toLowerCase().slice(0, 254);
  const locked = lockedUntil(db, normalised, address, now);
  if (locked) {
    transaction(db, () => audit(db, `typed:${normalised}`, 'login-locked', address, {}, now));
    const at = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(locked);
    return { ok: false, status: 429, message: `Too many failed sign-in attempts. Sign-in is locked for ${LOCK_MINUTES} minutes: try again after ${at}.` };
  }
  const row = db.prepare('SELECT id, email, name, password_hash FROM admins WHERE email = ?').get(normalised) as (Admin & { password_hash: string }) | undefined;
  // Hash even when there is no such account, so timing does not reveal which emails exist.
  const valid = await verifyPassword(password, row?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
  if (!row || !valid) {
    transaction(db, () => {
      db.prepare('INSERT INTO login_failures (email, address, at) VALUES (?, ?, ?)').run(normalised, address, now.toISOString());
      // `typed:`: what the visitor typed, not an account, so it cannot pass for one (security review row 24).
      audit(db, `typed:${normalised}`, 'login-failed', address, {}, now);
    });
    return { ok: false, status: 401, message: 'The email address or password is not right.' };
  }
  const session = token();
  transaction(db, () => {
    db.prepare('INSERT INTO sessions (id, admin_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)').run(sha256Hex(session), row.id, now.toISOString(), now.toISOString());
    db.prepare('DELETE FROM login_failures WHERE email = ?').run(normalised);
    audit(db, row.email, 'login', address, {}, now);
  });
  return { ok: true, token: session, admin: { id: row.id, email: row.email, name: row.name } };
}

/** The admin a session cookie belongs to, if the session is live; refreshes its idle timer. */
export function sessionAdmin(db: DatabaseSync, cookie: string, now = new Date()): Admin | undefined {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookie)) return undefined;
  const id = sha256Hex(cookie);
  const row = db.prepare('SELECT s.created_at, s.last_seen_at, a.id, a.email, a.name FROM sessions s JOIN admins a ON a.id = s.admin_id WHERE s.id = ?').get(id) as
    (Admin & { created_at: string; last_seen_at: string }) | undefined;
  if (!row) return undefined;
  const t = now.getTime();
  if (t - Date.parse(row.last_seen_at) > minutes(IDLE_MINUTES) || t - Date.parse(row.created_at) > minutes(ABSOLUTE_HOURS * 60)) {
    db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
    return undefined;
  }
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now.toISOString(), id);
  return { id: row.id, email: row.email, name: row.name };
}

export function logout(db: DatabaseSync, cookie: string, who: string): void {
  transaction(db, () => {
    db.prepare('DELETE FROM sessions WHERE id = ?').run(sha256Hex(cookie));
    audit(db, who, 'logout', who);
  });
}

/** Cookie flags: HttpOnly, SameSite=Strict, Secure when the site is served over HTTPS. */
export function sessionCookieOptions(url: URL) {
  return { httpOnly: true, sameSite: 'strict' as const, secure: servedOverHttps(url), path: '/', maxAge: ABSOLUTE_HOURS * 3600 };
}

/** A one-time link that creates the first admin account, valid for 30 minutes. */
export function createSetupToken(db: DatabaseSync, now = new Date()): string {
  const t = token();
  db.prepare('INSERT INTO setup_tokens (id, expires_at) VALUES (?, ?)').run(sha256Hex(t), new Date(now.getTime() + minutes(SETUP_MINUTES)).toISOString());
  return t;
}

/** Whether a setup link may be used now: it exists, is unused and unexpired, and no admin exists yet. */
export function setupTokenValid(db: DatabaseSync, t: string, now = new Date()): boolean {
  if (!/^[A-Za-z0-9_-]{43}$/.test(t) || adminCount(db) > 0) return false;
  const row = db.prepare('SELECT expires_at, used_at FROM setup_tokens WHERE id = ?').get(sha256Hex(t)) as { expires_at: string; used_at: string | null } | undefined;
  return !!row && row.used_at === null && Date.parse(row.expires_at) > now.getTime();
}

export function useSetupToken(db: DatabaseSync, t: string, now = new Date()): void {
  db.prepare('UPDATE setup_tokens SET used_at = ? WHERE id = ?').run(now.toISOString(), sha256Hex(t));
}
