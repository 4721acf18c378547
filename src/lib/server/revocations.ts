/**
 * Signed revocations (security review row 12). A revocation is a document signed with the course
 * key like a record: it names the record and the SHA-256 of the record's signed body, so a row
 * inserted straight into the database, edited, or copied from another record does not verify.
 * Unsigned rows are not trusted either way: a record with one is reported as tampered with, never
 * silently valid (a forged row must not hide a record) nor silently revoked.
 */
import type { DatabaseSync } from 'node:sqlite';
import { canonicalJson } from '../canonical.ts';
import { sha256Hex } from '../digest.ts';
import { signRecord, verifyRecord } from '../signing.ts';
import type { SigningKey } from './keys.ts';
import { publicKeyById } from './keys.ts';

export const REVOCATION_FORMAT = 'councillors-social-media-course/revocation/1';

export interface Revocation {
  reason: string;
  actor: string;
  at: string;
  /** Set when the stored revocation does not verify: why. The record is then reported invalid. */
  tampered?: string;
}

export interface RevocationDocument {
  format: typeof REVOCATION_FORMAT;
  /** The revoked record's ID and the SHA-256 of its body exactly as signed. */
  record: string;
  recordHash: string;
  reason: string;
  actor: string;
  /** ISO 8601, UTC. */
  at: string;
  keyId: string;
}

/** A record_events row as stored. */
export interface RevocationRow {
  id: number;
  record_id: string;
  reason: string;
  actor: string;
  at: string;
  body: string | null;
  signature: string | null;
}

export function signRevocation(key: SigningKey, recordId: string, recordBody: string, reason: string, actor: string, at: Date): { body: string; signature: string } {
  const document: RevocationDocument = { format: REVOCATION_FORMAT, record: recordId, recordHash: sha256Hex(recordBody), reason, actor, at: at.toISOString(), keyId: key.keyId };
  return { body: canonicalJson(document), signature: signRecord(document, key.privateKey).signature };
}

/** Why a stored revocation of the record with `recordBody` does not hold, or undefined when it does. */
export function revocationProblem(db: DatabaseSync, row: RevocationRow, recordBody: string): string | undefined {
  if (row.body === null || row.signature === null) return 'it is not signed';
  let document: RevocationDocument;
  try {
    document = JSON.parse(row.body) as RevocationDocument;
    if (canonicalJson(document) !== row.body) return 'it is not in its signed form';
  } catch {
    return 'it is not JSON';
  }
  if (document.format !== REVOCATION_FORMAT) return 'it is not a revocation';
  if (document.record !== row.record_id || document.recordHash !== sha256Hex(recordBody)) return 'it was signed for a different record';
  if (document.reason !== row.reason || document.actor !== row.actor || document.at !== row.at) return 'its reason, author or date was changed after signing';
  const publicKey = typeof document.keyId === 'string' && /^[0-9a-f]{16}$/.test(document.keyId) ? publicKeyById(db, document.keyId) : undefined;
  if (!publicKey) return `the key "${String(document.keyId)}" is not one of this course's signing keys`;
  const verdict = verifyRecord(document, row.signature, publicKey);
  return verdict.valid ? undefined : 'its signature does not match it';
}

export const revocationRows = (db: DatabaseSync, recordId: string): RevocationRow[] =>
  db.prepare("SELECT id, record_id, reason, actor, at, body, signature FROM record_events WHERE record_id = ? AND kind = 'revoked' ORDER BY id")
    .all(recordId) as unknown as RevocationRow[];

/**
 * The record's revocation as shown: the first one, from its signed document; or the first row that
 * does not verify, marked `tampered` (any bad row taints the record). Undefined when not revoked.
 */
export function readRevocation(db: DatabaseSync, recordId: string, recordBody: string): Revocation | undefined {
  const rows = revocationRows(db, recordId);
  for (const row of rows) {
    const problem = revocationProblem(db, row, recordBody);
    if (problem) return { reason: row.reason, actor: row.actor, at: row.at, tampered: problem };
  }
  const first = rows[0];
  return first && { reason: first.reason, actor: first.actor, at: first.at };
}
