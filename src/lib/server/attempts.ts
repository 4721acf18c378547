/**
 * Final-assessment attempts. The learner holds a random token; the database keeps only its SHA-256.
 * Attempts expire (security review rows 10 and 24), so a client starting attempts cannot fill the disk:
 * - not sent within a day: deleted (nothing refers to it; its page then says it has expired);
 * - sent without a personal link and not used to sign: deleted after 30 days, long enough to come back
 *   and sign with a pass or read a failed attempt's explanations; it is nobody's record;
 * - sent through a personal link: kept, as the Monitoring Officer's record of the member's attempts
 *   (at most a few a day: see retakes.ts); used to sign: kept with its record.
 * The starting address of an anonymous attempt (for the retake cool-down) is kept for a day.
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { sha256Hex } from '../digest.ts';
import type { AssessmentScore, MarkedAnswer } from '../assessment.ts';
import { transaction } from './db.ts';

const HOUR = 3_600_000;
/** An attempt not sent within this many hours has expired. */
export const UNSENT_HOURS = 24;
/** Sent anonymous attempts not used to sign are kept this many days. */
export const ANONYMOUS_DAYS = 30;
/** The address that started an attempt is kept this many hours. */
export const CLIENT_HOURS = 24;

const TOKEN = /^[A-Za-z0-9_-]{22}$/;
export const isAttemptToken = (token: string): boolean => TOKEN.test(token);

export interface Attempt {
  /** SHA-256 of the token: the ID a record names. */
  id: string;
  pack: string;
  questions: string[];
  createdAt: string;
  /** The member who took it through their personal link, or null. */
  memberId: number | null;
  result: null | { submittedAt: string; answers: MarkedAnswer[]; correct: number; total: number; passed: boolean };
}

interface AttemptRow {
  id: string;
  pack: string;
  questions: string;
  created_at: string;
  member_id: number | null;
  submitted_at: string | null;
  answers: string | null;
  correct: number | null;
  total: number | null;
  passed: number | null;
}

/**
 * Stores a new attempt; returns the token for its address (128 random bits). `client`, the address
 * it came from, is kept only for an anonymous attempt: a member's cool-down follows the member.
 */
export function createAttempt(db: DatabaseSync, pack: string, questions: readonly string[], now = new Date(), memberId: number | null = null, client: string | null = null): string {
  const token = randomBytes(16).toString('base64url');
  db.prepare('INSERT INTO attempts (id, pack, questions, created_at, member_id, client) VALUES (?, ?, ?, ?, ?, ?)')
    .run(sha256Hex(token), pack, JSON.stringify(questions), now.toISOString(), memberId, memberId === null ? client : null);
  return token;
}

export function findAttempt(db: DatabaseSync, token: string): Attempt | undefined {
  return isAttemptToken(token) ? attemptById(db, sha256Hex(token)) : undefined;
}

/** An attempt by its ID (the SHA-256 of its token). */
export function attemptById(db: DatabaseSync, id: string): Attempt | undefined {
  const row = db.prepare('SELECT * FROM attempts WHERE id = ?').get(id) as AttemptRow | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    pack: row.pack,
    questions: JSON.parse(row.questions) as string[],
    createdAt: row.created_at,
    memberId: row.member_id,
    result: row.submitted_at === null ? null : {
      submittedAt: row.submitted_at,
      answers: JSON.parse(row.answers!) as MarkedAnswer[],
      correct: row.correct!,
      total: row.total!,
      passed: row.passed === 1,
    },
  };
}

/** Stores the scored answers; false when the attempt was already submitted (nothing changes). */
export function submitAttempt(db: DatabaseSync, id: string, score: AssessmentScore, now = new Date()): boolean {
  const { changes } = db
    .prepare('UPDATE attempts SET submitted_at = ?, answers = ?, correct = ?, total = ?, passed = ? WHERE id = ? AND submitted_at IS NULL')
    .run(now.toISOString(), JSON.stringify(score.answers), score.correct, score.total, score.passed ? 1 : 0, id);
  return Number(changes) === 1;
}

/** The record an attempt was used for, if any. */
export function recordForAttempt(db: DatabaseSync, attemptId: string): string | undefined {
  const row = db.prepare('SELECT id FROM records WHERE attempt_id = ?').get(attemptId) as { id: string } | undefined;
  return row?.id;
}

/** Whether an attempt was left unsent past its time: it can no longer be sent (pruning deletes it). */
export const attemptExpired = (attempt: Attempt, now = new Date()): boolean =>
  attempt.result === null && now.getTime() - Date.parse(attempt.createdAt) >= UNSENT_HOURS * HOUR;

/** Deletes expired attempts and forgets old starting addresses (each by an index); returns how many attempts went. */
export function pruneAttempts(db: DatabaseSync, now = new Date()): number {
  const before = (hours: number) => new Date(now.getTime() - hours * HOUR).toISOString();
  return transaction(db, () => {
    const unsent = db.prepare('DELETE FROM attempts WHERE submitted_at IS NULL AND created_at < ?').run(before(UNSENT_HOURS)).changes;
    const anonymous = db.prepare(`DELETE FROM attempts WHERE member_id IS NULL AND submitted_at IS NOT NULL AND submitted_at < ?
      AND NOT EXISTS (SELECT 1 FROM records WHERE records.attempt_id = attempts.id)`).run(before(ANONYMOUS_DAYS * 24)).changes;
    db.prepare('UPDATE attempts SET client = NULL WHERE client IS NOT NULL AND created_at < ?').run(before(CLIENT_HOURS));
    return Number(unsent) + Number(anonymous);
  });
}

let lastPruned = 0;
/** Prunes at most every ten minutes: called as attempts start, so a busy server stays small without a timer. */
export function pruneNowAndThen(db: DatabaseSync, now = new Date()): void {
  if (now.getTime() - lastPruned < HOUR / 6) return;
  lastPruned = now.getTime();
  pruneAttempts(db, now);
}
