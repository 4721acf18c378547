/** Assessment attempts expire, and retakes wait (security review rows 9, 10 and 24). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db.ts';
import { attemptExpired, createAttempt, findAttempt, pruneAttempts, submitAttempt } from '../../src/lib/server/attempts.ts';
import { retakeMessage, retakeTime, retakeWait, type RetakeRules } from '../../src/lib/server/retakes.ts';
import { saveMember } from '../../src/lib/server/members.ts';
import { scoreAssessment } from '../../src/lib/assessment.ts';
import { sha256Hex } from '../../src/lib/digest.ts';

const dir = mkdtempSync(join(tmpdir(), 'attempts-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => openDatabase(join(dir, `t${++n}.db`));

const now = new Date('2026-11-26T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const HOUR = 60;
const DAY = 24 * HOUR;
const score = (passed: boolean) => ({ answers: [], correct: passed ? 1 : 0, total: 1, percent: passed ? 100 : 0, passMark: 80, passed });

/** Starts an attempt `startedAgo` minutes ago and, if `sentAgo` is given, sends it then. */
function attempt(db: DatabaseSync, startedAgo: number, sent?: { ago: number; passed: boolean }, who: { member?: number; client?: string } = {}): string {
  const token = createAttempt(db, 'wyre', ['fa-a'], ago(startedAgo), who.member ?? null, who.client ?? null);
  if (sent) submitAttempt(db, sha256Hex(token), score(sent.passed), ago(sent.ago));
  return token;
}

const member = (db: DatabaseSync, email: string) =>
  saveMember(db, null, { name: 'Alice Ng', email, role: 'councillor', wardOrCommittee: 'Rossall', pack: 'wyre', dueDate: '2030-03-31' }, 'test');

/** A record that used this attempt, inserted as the record store would leave it. */
function signWith(db: DatabaseSync, token: string): void {
  db.prepare("INSERT INTO signing_keys (key_id, public_key, created_at) VALUES ('k', 'pem', ?) ON CONFLICT DO NOTHING").run(now.toISOString());
  db.prepare(`INSERT INTO records (id, pack, policy_version, content_hash, member_name, member_role, member_group, attempt_id, submission, signed_at, key_id, body, signature)
    VALUES (?, 'wyre', 'v', 'h', 'A', 'councillor', 'G', ?, ?, ?, 'k', '{}', 's')`).run(`r-${token}`, sha256Hex(token), `s-${token}`, now.toISOString());
}

describe('attempt expiry', () => {
  it('deletes attempts not sent within a day and anonymous ones not used to sign after 30 days; keeps the rest', () => {
    const db = fresh();
    const alice = member(db, 'alice@example.org');
    const kept = {
      fresh: attempt(db, 23 * HOUR),
      sentYesterday: attempt(db, 2 * DAY, { ago: 2 * DAY - 10, passed: false }),
      passRecent: attempt(db, 29 * DAY, { ago: 29 * DAY, passed: true }),
      signedOld: attempt(db, 400 * DAY, { ago: 400 * DAY, passed: true }),
      membersOld: attempt(db, 400 * DAY, { ago: 400 * DAY, passed: false }, { member: alice }),
    };
    signWith(db, kept.signedOld);
    const gone = {
      unsent: attempt(db, 25 * HOUR),
      membersUnsent: attempt(db, 25 * HOUR, undefined, { member: alice }),
      failOld: attempt(db, 31 * DAY, { ago: 31 * DAY, passed: false }),
      passOld: attempt(db, 31 * DAY, { ago: 31 * DAY, passed: true }),
    };
    expect(pruneAttempts(db, now)).toBe(4);
    for (const [name, token] of Object.entries(kept)) expect(findAttempt(db, token), name).toBeDefined();
    for (const [name, token] of Object.entries(gone)) expect(findAttempt(db, token), name).toBeUndefined();
    expect(pruneAttempts(db, now)).toBe(0);
  });

  it('says an unsent attempt has expired after a day, and a sent one never', () => {
    const db = fresh();
    expect(attemptExpired(findAttempt(db, attempt(db, 23 * HOUR))!, now)).toBe(false);
    expect(attemptExpired(findAttempt(db, attempt(db, 24 * HOUR))!, now)).toBe(true);
    expect(attemptExpired(findAttempt(db, attempt(db, 3 * DAY, { ago: 3 * DAY, passed: false }))!, now)).toBe(false);
  });

  it('keeps the starting address of an anonymous attempt only, and only for a day', () => {
    const db = fresh();
    const alice = member(db, 'alice@example.org');
    const clients = () => db.prepare('SELECT client FROM attempts WHERE client IS NOT NULL ORDER BY created_at').all().map((r) => (r as { client: string }).client);
    attempt(db, 25 * HOUR, { ago: 25 * HOUR, passed: true }, { client: '192.0.2.1' });
    attempt(db, 1 * HOUR, undefined, { client: '192.0.2.2' });
    attempt(db, 1 * HOUR, undefined, { client: '192.0.2.3', member: alice });
    expect(clients()).toEqual(['192.0.2.1', '192.0.2.2']);
    pruneAttempts(db, now);
    expect(clients()).toEqual(['192.0.2.2']);
  });

  it('prunes through indexes, not by reading the whole table', () => {
    const db = fresh();
    const plan = (sql: string) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => (r as { detail: string }).detail).join('; ');
    expect(plan('DELETE FROM attempts WHERE submitted_at IS NULL AND created_at < ?')).toMatch(/USING INDEX attempts_unsubmitted/);
    expect(plan('DELETE FROM attempts WHERE member_id IS NULL AND submitted_at IS NOT NULL AND submitted_at < ?')).toMatch(/USING INDEX attempts_anonymous/);
    expect(plan('UPDATE attempts SET client = NULL WHERE client IS NOT NULL AND created_at < ?')).toMatch(/USING INDEX attempts_client_age/);
  });
});

describe('retakes', () => {
  const rules: RetakeRules = { cooldownMinutes: 10, perDay: 5 };

  it('after a failed attempt, waits 10 minutes from sending: by address, by the browser\'s cookie, and by member', () => {
    const db = fresh();
    const alice = member(db, 'alice@example.org');
    const failed = attempt(db, 30, { ago: 4, passed: false }, { client: '192.0.2.1' });
    const anonymous = (client: string, cookie?: string) => retakeWait(db, { memberId: null, client, cookie }, rules, now);
    expect(anonymous('192.0.2.1')).toMatchObject({ reason: 'cool-down', until: ago(-6), by: 'address' });
    expect(anonymous('192.0.2.9', failed)).toMatchObject({ reason: 'cool-down', until: ago(-6), by: 'you' });
    expect(anonymous('192.0.2.1', failed)).toMatchObject({ by: 'you' });
    expect(anonymous('192.0.2.9')).toBeUndefined();
    expect(anonymous('192.0.2.9', 'not a token')).toBeUndefined();
    expect(retakeWait(db, { memberId: null, client: '192.0.2.1' }, { ...rules, cooldownMinutes: 0 }, now)).toBeUndefined();
    expect(retakeWait(db, { memberId: null, client: '192.0.2.1' }, rules, ago(-7))).toBeUndefined();

    attempt(db, 20, { ago: 2, passed: false }, { member: alice, client: '192.0.2.5' });
    expect(retakeWait(db, { memberId: alice }, rules, now)).toMatchObject({ reason: 'cool-down', until: ago(-8), by: 'you' });
    // A member's attempt keeps no address: it cools down the member, not whoever shares their network.
    expect(anonymous('192.0.2.5')).toBeUndefined();
    // A pass needs no cool-down.
    attempt(db, 20, { ago: 1, passed: true }, { client: '192.0.2.7' });
    expect(anonymous('192.0.2.7')).toBeUndefined();
  });

  it('lets a member start five attempts in any 24 hours', () => {
    const db = fresh();
    const alice = member(db, 'alice@example.org');
    const starts = [23 * HOUR, 10 * HOUR, 5 * HOUR, 60, 30];
    for (const minutes of starts.slice(0, 4)) attempt(db, minutes, { ago: minutes - 1, passed: true }, { member: alice });
    attempt(db, 25 * HOUR, { ago: 25 * HOUR, passed: true }, { member: alice });
    expect(retakeWait(db, { memberId: alice }, rules, now)).toBeUndefined();
    attempt(db, 30, undefined, { member: alice });
    const wait = retakeWait(db, { memberId: alice }, rules, now);
    expect(wait).toEqual({ reason: 'daily', until: ago(23 * HOUR - DAY) });
    expect(retakeMessage(wait!, rules, now)).toBe('You have started 5 assessments in the last 24 hours, the most allowed in a day. You can start another after 13:00.');
    // Sending an attempt already started is not a new start.
    expect(retakeWait(db, { memberId: alice }, rules, now, false)).toBeUndefined();
  });

  it('tells the time in UK time, rounded up to the minute, with the day when it is not today', () => {
    expect(retakeTime(new Date('2026-11-26T12:10:00Z'), now)).toBe('12:10');
    expect(retakeTime(new Date('2026-11-26T12:10:01Z'), now)).toBe('12:11');
    expect(retakeTime(new Date('2026-07-01T12:10:00Z'), new Date('2026-07-01T09:00:00Z'))).toBe('13:10');
    expect(retakeTime(new Date('2026-11-27T09:15:00Z'), now)).toBe('09:15 on Friday 27 November');
  });
});
