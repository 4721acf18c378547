/** Signed sign-off records stored as the server stores them, for tests that need records in a database. */
import type { DatabaseSync } from 'node:sqlite';
import { createAttempt, findAttempt } from '../../../src/lib/server/attempts.ts';
import { openDatabase } from '../../../src/lib/server/db.ts';
import { loadSigningKey, registerKey, type SigningKey } from '../../../src/lib/server/keys.ts';
import { storeRecord } from '../../../src/lib/server/records.ts';
import { composeRecord } from '../../../src/lib/record.ts';
import { rescore } from '../../../src/lib/rescore.ts';
import { scoreAssessment } from '../../../src/lib/assessment.ts';
import { courseFor, perfectProgress } from './course.ts';

const wyre = courseFor('wyre');

/** A new database at `path` (made COURSE_DB) with its generated signing key, as the server starts one. */
export function keyedDatabase(path: string): { db: DatabaseSync; key: SigningKey; path: string } {
  process.env.COURSE_DB = path;
  delete process.env.COURSE_SIGNING_KEY;
  const db = openDatabase(path);
  const key = loadSigningKey();
  registerKey(db, key);
  return { db, key, path };
}

/**
 * Stores record number `n` (its ID ends in n), signed through a fresh passed attempt (or `options.attemptId`,
 * at `options.signedAt`, for `options.contentHash`); returns its ID.
 */
export function storeTestRecord(db: DatabaseSync, key: SigningKey, n: number, memberId?: number, options: { attemptId?: string; signedAt?: Date; contentHash?: string } = {}): string {
  const attempt = { id: options.attemptId ?? findAttempt(db, createAttempt(db, 'wyre', []))!.id };
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const input = {
    id, signedAt: options.signedAt ?? new Date(), keyId: key.keyId, route: { kind: 'induction' as const, previousRecord: null, lessons: [] },
    member: { name: `Member ${n}`, role: 'councillor' as const, wardOrCommittee: 'Garstang', email: `member${n}@example.org` }, identity: 'self-declared' as const,
    pack: wyre.pack.pack, lessons: [], contentHash: options.contentHash ?? 'x', rescored: rescore(wyre, perfectProgress(wyre)),
    attempt: { id: attempt.id, score: scoreAssessment([], {}, 80) },
  };
  storeRecord(db, key, `submission-${n}`, () => composeRecord(input), memberId);
  return id;
}
