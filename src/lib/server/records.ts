/**
 * Signed sign-off records: stored once (append-only; the schema's triggers refuse edits), read back
 * exactly as signed, verified against the key that signed them, revoked by a new event.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { canonicalJson } from '../canonical.ts';
import type { SignOffRecord } from '../record.ts';
import { ALGORITHM, signCanonical, verifyRecord, type SignedEnvelope } from '../signing.ts';
import { cached, transaction } from './db.ts';
import { audit } from './audit.ts';
import type { SigningKey } from './keys.ts';
import { publicKeyById } from './keys.ts';
import { readRevocation, signRevocation, type Revocation } from './revocations.ts';

export type { Revocation } from './revocations.ts';

export const newRecordId = (): string => randomUUID();
const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isRecordId = (id: string): boolean => RECORD_ID.test(id);

export class AttemptAlreadyUsed extends Error {
  readonly recordId: string;
  constructor(recordId: string) {
    super('This assessment attempt has already been used to sign a declaration.');
    this.recordId = recordId;
  }
}

export type StoreResult = { stored: true; id: string } | { stored: false; id: string; reason: 'double-submit' };

/** A record with its canonical JSON and signature: what is stored, made before the write lock is taken. */
export interface SealedRecord {
  record: SignOffRecord;
  body: string;
  signature: string;
}

/** Canonicalises (once) and signs a record. */
export function sealRecord(record: SignOffRecord, key: SigningKey): SealedRecord {
  const body = canonicalJson(record);
  return { record, body, signature: signCanonical(body, key.privateKey) };
}

/**
 * Signs and stores a record in one transaction. The same form submitted twice (same `submission`
 * key) finds the first record instead of storing a second; a passed attempt signs one record only.
 */
export function storeRecord(
  db: DatabaseSync,
  key: SigningKey,
  submission: string,
  compose: () => SignOffRecord,
  memberId?: number,
): StoreResult {
  return transaction(db, () => writeRecord(db, submission, () => sealRecord(compose(), key), memberId));
}

/**
 * Stores a sealed record, with its audit entry; call inside a transaction (storeRecord's, or a
 * group-commit batch: group-commit.ts). `seal` is called only when the submission is new. Throws
 * AttemptAlreadyUsed when the record's attempt signed another record.
 */
export function writeRecord(db: DatabaseSync, submission: string, seal: () => SealedRecord, memberId?: number): StoreResult {
  const earlier = cached(db, 'SELECT id FROM records WHERE submission = ?').get(submission) as { id: string } | undefined;
  if (earlier) return { stored: false, id: earlier.id, reason: 'double-submit' };
  const { record, body, signature } = seal();
  const used = cached(db, 'SELECT id FROM records WHERE attempt_id = ?').get(record.assessment.attempt) as { id: string } | undefined;
  if (used) throw new AttemptAlreadyUsed(used.id);
  cached(
    db,
    `INSERT INTO records (id, pack, policy_version, content_hash, member_name, member_role, member_group, member_email,
      attempt_id, submission, signed_at, key_id, body, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    record.id, record.course.pack, record.course.policyVersion, record.course.contentHash, record.member.name, record.member.role,
    record.member.wardOrCommittee, record.member.email, record.assessment.attempt, submission, record.signedAt, record.keyId,
    body, signature,
  );
  if (memberId !== undefined) cached(db, 'INSERT INTO record_members (record_id, member_id) VALUES (?, ?)').run(record.id, memberId);
  // The actor is who signed as far as the course knows: a linked member, or what the signer typed
  // (marked, so a typed "mo@council.gov.uk" cannot pass for an officer: security review row 24).
  const actor = memberId !== undefined ? `member:${memberId}` : `typed:${record.member.email ?? record.member.name}`;
  audit(db, actor, 'sign-off', record.id, { pack: record.course.pack, name: record.member.name, policyVersion: record.course.policyVersion });
  return { stored: true, id: record.id };
}

export interface StoredRecord {
  envelope: SignedEnvelope<SignOffRecord>;
  /** The canonical JSON exactly as stored. */
  body: string;
  revocation: Revocation | undefined;
}

export function findRecord(db: DatabaseSync, id: string): StoredRecord | undefined {
  if (!isRecordId(id)) return undefined;
  const row = db.prepare('SELECT body, signature FROM records WHERE id = ?').get(id) as { body: string; signature: string } | undefined;
  if (!row) return undefined;
  const revocation = readRevocation(db, id, row.body);
  return { envelope: { record: JSON.parse(row.body) as SignOffRecord, algorithm: ALGORITHM, signature: row.signature }, body: row.body, revocation };
}

export const countRecords = (db: DatabaseSync): number => (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;

/** Revocation is a new event, signed like the record; the record itself never changes. */
export function revokeRecord(db: DatabaseSync, key: SigningKey, id: string, reason: string, actor: string, now = new Date()): void {
  transaction(db, () => {
    const record = db.prepare('SELECT body FROM records WHERE id = ?').get(id) as { body: string } | undefined;
    if (!record) throw new Error(`No record has the ID ${id}.`);
    const { body, signature } = signRevocation(key, id, record.body, reason, actor, now);
    db.prepare("INSERT INTO record_events (record_id, kind, reason, actor, at, body, signature) VALUES (?, 'revoked', ?, ?, ?, ?, ?)")
      .run(id, reason, actor, now.toISOString(), body, signature);
    audit(db, actor, 'revoke', id, { reason }, now);
  });
}

export type Status =
  | { status: 'valid'; keyId: string }
  | { status: 'revoked'; keyId: string; revocation: Revocation }
  | { status: 'invalid'; reason: string };

/**
 * Checks a record's signature with the registered key it names. `revocation` (from the database)
 * turns a valid record into a revoked one; an invalid signature, or a revocation that does not
 * verify, is reported as invalid whatever else.
 */
export function checkRecord(db: DatabaseSync, record: unknown, signature: unknown, revocation?: Revocation): Status {
  const keyId = typeof record === 'object' && record !== null && 'keyId' in record ? (record as { keyId: unknown }).keyId : undefined;
  if (typeof keyId !== 'string') return { status: 'invalid', reason: 'the record does not name the key that signed it' };
  const publicKey = /^[0-9a-f]{16}$/.test(keyId) ? publicKeyById(db, keyId) : undefined;
  if (!publicKey) return { status: 'invalid', reason: `the key "${keyId}" is not one of this course's signing keys` };
  const verdict = verifyRecord(record, signature, publicKey);
  if (!verdict.valid) return { status: 'invalid', reason: verdict.reason };
  if (revocation?.tampered) return { status: 'invalid', reason: `its revocation has been tampered with: ${revocation.tampered}` };
  return revocation ? { status: 'revoked', keyId, revocation } : { status: 'valid', keyId };
}

/** Verifies a stored record: its stored bytes must be canonical, and its signature must hold. */
export function checkStoredRecord(db: DatabaseSync, stored: StoredRecord): Status {
  if (canonicalJson(stored.envelope.record) !== stored.body) return { status: 'invalid', reason: 'the stored record is not in its signed form' };
  return checkRecord(db, stored.envelope.record, stored.envelope.signature, stored.revocation);
}
