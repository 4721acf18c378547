/**
 * The audit log: sign-offs, revocations, imports, link regenerations, logins and failed logins.
 * Each entry's hash is the SHA-256 of the previous entry's hash and the entry's own canonical JSON,
 * so changing, removing or reordering any entry breaks the chain from that entry on.
 */
import type { DatabaseSync } from 'node:sqlite';
import { canonicalJson } from '../canonical.ts';
import { sha256Hex } from '../digest.ts';

export const GENESIS = '0'.repeat(64);

export type AuditAction =
  | 'sign-off' | 'revoke' | 'roster-import' | 'member-add' | 'member-edit' | 'member-archive'
  | 'link-regenerate' | 'record-match' | 'login' | 'login-failed' | 'login-locked' | 'logout' | 'admin-create' | 'subject-access-export';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

const entryHash = (prev: string, e: { at: string; actor: string; action: string; subject: string; detail: string }) =>
  sha256Hex(`${prev}\n${canonicalJson({ at: e.at, actor: e.actor, action: e.action, subject: e.subject, detail: e.detail })}`);

/** Appends an entry; call inside the transaction that makes the change it records. */
export function audit(db: DatabaseSync, actor: string, action: AuditAction, subject: string, detail: Record<string, unknown> = {}, now = new Date()): void {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prev = last?.hash ?? GENESIS;
  const entry = { at: now.toISOString(), actor, action, subject, detail: canonicalJson(detail) };
  db.prepare('INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(entry.at, actor, action, subject, entry.detail, prev, entryHash(prev, entry));
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
