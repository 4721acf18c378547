/**
 * Admin accounts, sign-in with lockout (rules in login-lock.ts), sessions and the one-time setup link. Tokens (session
 * cookies, setup links) are 256 random bits; the database keeps only their SHA-256.
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { sha256Hex } from '../digest.ts';
import { audit } from './audit.ts';
import { transaction } from './db.ts';
import { holdMessage, holdOn, pruneFailures, recordFailure, reserveGuess, settleGuess } from './login-lock.ts';
import { hashing, hashPassword, verifyPassword } from './passwords.ts';
import { servedOverHttps } from './http.ts';

export const SESSION_COOKIE = 'cc_admin_session';
/** A session ends after 30 minutes without a request, and 8 hours after sign-in whatever happens. */
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 8;
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

export type LoginResult =
  | { ok: true; token: string; admin: Admin }
  | { ok: false; status: 401; message: string }
  | { ok: false; status: 429 | 503; message: string; retryAfter: number };

/** Any password's hash, checked when no account has the email, so timing does not reveal which emails exist. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
/** How long a sign-in refused because hashing is busy is asked to wait. */
export const BUSY_RETRY_SECONDS = 5;

/**
 * Signs in, within the lockout rules of login-lock.ts. Everything up to the hash runs synchronously,
 * so the hold check, the busy check and the reservation of this guess cannot interleave with another
 * request's: parallel guesses are counted as if they had come one after another.
 */
export async function login(db: DatabaseSync, email: string, password: string, address: string, now = new Date()): Promise<LoginResult> {
  const normalised = email.trim().toLowerCase().slice(0, 254);
  pruneStale(db, now);
  const hold = holdOn(db, normalised, address, now);
  if (hold) {
    transaction(db, () => audit(db, `typed:${normalised}`, 'login-locked', address, { reason: hold.reason }, now));
    return { ok: false, status: 429, message: holdMessage(hold), retryAfter: Math.max(1, Math.ceil((hold.until.getTime() - now.getTime()) / 1000)) };
  }
  // Refused before it counts as a guess: nothing was checked.
  if (hashing.full) return { ok: false, status: 503, message: 'Sign-in is busy just now. Please try again in a few seconds.', retryAfter: BUSY_RETRY_SECONDS };
  // A disabled account, or one whose password is not set (invited, or reset), is checked like no account.
  const row = db.prepare('SELECT id, email, name, password_hash FROM admins WHERE email = ? AND disabled_at IS NULL').get(normalised) as (Admin & { password_hash: string }) | undefined;
  const usable = row && row.password_hash.startsWith('scrypt$') ? row : undefined;
  const guess = reserveGuess(db, normalised, address, now);
  try {
    const valid = await verifyPassword(password, usable?.password_hash ?? DUMMY_HASH);
    if (!usable || !valid) {
      transaction(db, () => {
        recordFailure(db, guess);
        // `typed:`: what the visitor typed, not an account, so it cannot pass for one (security review row 24).
        audit(db, `typed:${normalised}`, 'login-failed', address, {}, now);
      });
      return { ok: false, status: 401, message: 'The email address or password is not right.' };
    }
  } finally {
    settleGuess(db, guess);
  }
  const session = token();
  transaction(db, () => {
    db.prepare('INSERT INTO sessions (id, admin_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)').run(sha256Hex(session), usable.id, now.toISOString(), now.toISOString());
    audit(db, usable.email, 'login', address, {}, now);
  });
  return { ok: true, token: session, admin: { id: usable.id, email: usable.email, name: usable.name } };
}

/** Drops failures past every lockout window and sessions past their idle or absolute limit (security review row 24). */
function pruneStale(db: DatabaseSync, now: Date): void {
  pruneFailures(db, now);
  db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?')
    .run(new Date(now.getTime() - minutes(IDLE_MINUTES)).toISOString(), new Date(now.getTime() - minutes(ABSOLUTE_HOURS * 60)).toISOString());
}

/** The admin a session cookie belongs to, if the session is live; refreshes its idle timer. */
export function sessionAdmin(db: DatabaseSync, cookie: string, now = new Date()): Admin | undefined {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookie)) return undefined;
  const id = sha256Hex(cookie);
  const row = db.prepare('SELECT s.created_at, s.last_seen_at, a.id, a.email, a.name FROM sessions s JOIN admins a ON a.id = s.admin_id WHERE s.id = ? AND a.disabled_at IS NULL').get(id) as
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
