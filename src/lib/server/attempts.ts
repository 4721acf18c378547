/** Final-assessment attempts. The learner holds a random token; the database keeps only its SHA-256. */
import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { sha256Hex } from '../digest.ts';
import type { AssessmentScore, MarkedAnswer } from '../assessment.ts';

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

/** Stores a new attempt; returns the token for its address (128 random bits). */
export function createAttempt(db: DatabaseSync, pack: string, questions: readonly string[], now = new Date(), memberId: number | null = null): string {
  const token = randomBytes(16).toString('base64url');
  db.prepare('INSERT INTO attempts (id, pack, questions, created_at, member_id) VALUES (?, ?, ?, ?, ?)')
    .run(sha256Hex(token), pack, JSON.stringify(questions), now.toISOString(), memberId);
  return token;
}

export function findAttempt(db: DatabaseSync, token: string): Attempt | undefined {
  if (!isAttemptToken(token)) return undefined;
  const row = db.prepare('SELECT * FROM attempts WHERE id = ?').get(sha256Hex(token)) as AttemptRow | undefined;
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
