/**
 * The audit log: sign-offs, revocations, imports, link regenerations, logins and failed logins.
 * Each entry's hash is the SHA-256 of the previous entry's hash and the entry's own canonical JSON,
 * so changing, removing or reordering any entry breaks the chain from that entry on. Each entry is
 * also anchored: signed (its ID and hash) with the course's signing key, which lives outside the
 * database, so rewriting the log and recomputing every hash leaves a head nobody can anchor.
 * `npm run audit:verify` (audit-check.ts) checks both, and the log against the tables.
 */
import { sign, type KeyObject, verify } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { canonicalJson } from '../canonical.ts';
import { sha256Hex } from '../digest.ts';
import type { SigningKey } from './keys.ts';
import { cached } from './db.ts';

export const GENESIS = '0'.repeat(64);

export type AuditAction =
  | 'sign-off' | 'revoke' | 'roster-import' | 'member-add' | 'member-edit' | 'member-archive' | 'member-restore'
  | 'link-regenerate' | 'record-match' | 'login' | 'login-failed' | 'login-locked' | 'logout' | 'admin-create' | 'subject-access-export'
  | 'admin-reset' | 'admin-disable' | 'admin-enable' | 'admin-sessions-end' | 'admin-packs' | 'admin-password-set'
  | 'mail-invite' | 'mail-retry';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  prev_hash: string;
  hash: string;
  /** Base64 Ed25519 signature over `anchorMessage(id, hash)`; null if written without the key. */
  anchor: string | null;
  anchor_key: string | null;
}

export const entryHash = (prev: string, e: { at: string; actor: string; action: string; subject: string; detail: string }) =>
  sha256Hex(`${prev}\n${canonicalJson({ at: e.at, actor: e.actor, action: e.action, subject: e.subject, detail: e.detail })}`);

const anchorMessage = (id: number, hash: string): Buffer => Buffer.from(`councillors-social-media-course/audit-anchor/1\n${id}\n${hash}`);

/** The anchor for entry `id` with `hash`: base64 Ed25519 by the signing key. */
export const anchorFor = (id: number, hash: string, privateKey: KeyObject): string => sign(null, anchorMessage(id, hash), privateKey).toString('base64');

export const anchorHolds = (id: number, hash: string, anchor: string, publicKey: KeyObject): boolean =>
  verify(null, anchorMessage(id, hash), publicKey, Buffer.from(anchor, 'base64'));

/** The key each connection anchors its entries with (set by registerKey). */
const anchorKeys = new WeakMap<DatabaseSync, SigningKey>();

export const anchorAuditWith = (db: DatabaseSync, key: SigningKey): void => void anchorKeys.set(db, key);

/**
 * Appends an entry; call inside the transaction that makes the change it records. On a connection
 * without a registered key (test fixtures, seeding scripts) the entry is written unanchored, and
 * `npm run audit:verify` reports it.
 */
export function audit(db: DatabaseSync, actor: string, action: AuditAction, subject: string, detail: Record<string, unknown> = {}, now = new Date()): void {
  const last = cached(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const prev = last?.hash ?? GENESIS;
  const id = (last?.id ?? 0) + 1;
  const entry = { at: now.toISOString(), actor, action, subject, detail: canonicalJson(detail) };
  const hash = entryHash(prev, entry);
  const key = anchorKeys.get(db);
  const anchor = key ? anchorFor(id, hash, key.privateKey) : null;
  cached(db, 'INSERT INTO audit_log (id, at, actor, action, subject, detail, prev_hash, hash, anchor, anchor_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, entry.at, actor, action, subject, entry.detail, prev, hash, anchor, key?.keyId ?? null);
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the chain from the first entry; names the first entry that does not follow from the one before. */
export function verifyAuditChain(db: DatabaseSync): ChainCheck {
  let prev = GENESIS;
  let count = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as Iterable<AuditEntry>) {
    count++;
    if (row.prev_hash !== prev) return { ok: false, entries: count, brokenAt: row.id, reason: `entry ${row.id} does not follow the entry before it (an entry was removed or reordered)` };
    if (entryHash(prev, row) !== row.hash) return { ok: false, entries: count, brokenAt: row.id, reason: `entry ${row.id} was changed after it was written` };
    prev = row.hash;
  }
  return { ok: true, entries: count };
}
