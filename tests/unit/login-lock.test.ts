/**
 * Sign-in lockout under parallel and distributed guessing, and the bounded hashing queue (security
 * review rows 3, 4, 11 and 24). The real scrypt runs; `scryptStats` counts how many derivations started
 * and the most that ever ran together.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db.ts';
import { createAdmin, login, type LoginResult } from '../../src/lib/server/admins.ts';
import { HASHING_AT_ONCE, HASHING_WAITING, scryptStats } from '../../src/lib/server/passwords.ts';
import { WorkQueue, BusyError } from '../../src/lib/server/work-queue.ts';

const dir = mkdtempSync(join(tmpdir(), 'login-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const password = 'a long password 1';
async function withAdmin() {
  const db = openDatabase(join(dir, `t${++n}.db`));
  await createAdmin(db, { email: 'mo@example.org', name: 'MO', password }, 'test');
  return db;
}
const t0 = new Date('2026-11-21T10:00:00Z'); // 10:00 in London (GMT in November)
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const failures = (db: ReturnType<typeof openDatabase>) => (db.prepare('SELECT count(*) AS n FROM login_failures').get() as { n: number }).n;
/** Runs `f` and says how many scrypt derivations it started. */
async function hashesDuring<T>(f: () => Promise<T>): Promise<{ result: T; hashes: number }> {
  const before = scryptStats.started;
  const result = await f();
  return { result, hashes: scryptStats.started - before };
}

describe('parallel guesses (security review row 3)', () => {
  it('checks at most five of 20 parallel wrong guesses, and refuses the right password sent after them', async () => {
    const db = await withAdmin();
    const { result, hashes } = await hashesDuring(() => Promise.all([
      ...Array.from({ length: 20 }, (_, i) => login(db, ' MO@example.org', `guess-${i}-xxxxx`, '127.0.0.4', t0)),
      login(db, 'mo@example.org', password, '127.0.0.4', t0),
    ]));
    expect(hashes).toBe(5);
    expect(result.filter((r) => !r.ok && r.status === 401)).toHaveLength(5);
    expect(result.filter((r) => !r.ok && r.status === 429)).toHaveLength(16);
    expect(result.at(-1)).toMatchObject({ ok: false, status: 429 });
  }, 30_000);

  it('lets the right password through when it is among the first five, without wiping the others\' failures', async () => {
    const db = await withAdmin();
    const guesses = Array.from({ length: 12 }, (_, i) => (i === 2 ? password : `guess-${i}-xxxxx`));
    const { result, hashes } = await hashesDuring(() => Promise.all(guesses.map((g) => login(db, 'mo@example.org', g, '127.0.0.5', t0))));
    expect(hashes).toBe(5);
    expect(result[2]).toMatchObject({ ok: true });
    expect(failures(db)).toBe(4);
    // The address has one checked guess left in this window, not a fresh five.
    expect(await login(db, 'mo@example.org', 'another-guess', '127.0.0.5', at(1))).toMatchObject({ status: 401 });
    expect(await login(db, 'mo@example.org', 'another-guess', '127.0.0.5', at(2))).toMatchObject({ status: 429 });
  }, 30_000);
});

describe('the lock steps back (security review row 4)', () => {
  it('locks the guessing address for 15 minutes, but only delays the same account from another address', async () => {
    const db = await withAdmin();
    for (let i = 0; i < 5; i++) expect(await login(db, 'mo@example.org', `guess-${i}-xxxxx`, '127.0.0.6', t0)).toMatchObject({ status: 401 });
    const locked = await login(db, 'mo@example.org', password, '127.0.0.6', at(90));
    expect(locked).toMatchObject({ ok: false, status: 429, retryAfter: 15 * 60 - 90, message: expect.stringContaining('from your address') });
    expect((locked as { message: string }).message).toContain('try again after 10:15');
    // The officer at another address, in capitals: a minute's wait, not a lock.
    const waiting = await login(db, 'MO@Example.org ', password, '127.0.0.20', at(30));
    expect(waiting).toMatchObject({ ok: false, status: 429, retryAfter: 30, message: expect.stringContaining('try again after 10:01') });
    expect(await login(db, 'MO@Example.org ', password, '127.0.0.20', at(61))).toMatchObject({ ok: true });
    expect(await login(db, 'mo@example.org', password, '127.0.0.6', at(15 * 60 - 1))).toMatchObject({ status: 429 });
    expect(await login(db, 'mo@example.org', password, '127.0.0.6', at(15 * 60 + 1))).toMatchObject({ ok: true });
  }, 30_000);

  it('slows an attacker with a fresh address for every guess to a handful of guesses an hour, doubling the wait', async () => {
    const db = await withAdmin();
    const checked: number[] = [];
    let t = 0;
    let address = 100;
    while (t < 3600) {
      const result: LoginResult = await login(db, 'mo@example.org', `guess-${t}-xxxxx`, `10.1.${address >> 8}.${address++ & 255}`, at(t));
      if (!result.ok && result.status === 429) t += result.retryAfter; // retries the moment it is told it may
      else checked.push(t);
    }
    // Five at once, then after 1, 2, 4, 8 and 15 minutes (at most), instead of five per address.
    expect(checked.slice(0, 9)).toEqual([0, 0, 0, 0, 0, 60, 180, 420, 900]);
    expect(checked.length).toBeLessThanOrEqual(11);
  }, 60_000);
});

describe('bounded password hashing (security review row 11)', () => {
  it('30 sign-ins at once: never more than two hashes together, ten checked, the rest told to retry', async () => {
    const db = await withAdmin();
    scryptStats.peak = 0;
    const { result, hashes } = await hashesDuring(() => Promise.all(Array.from({ length: 30 }, (_, i) =>
      // Unknown emails too: their dummy hash, there for timing, queues like any other.
      login(db, i === 0 ? 'mo@example.org' : `someone${i}@example.org`, `guess-${i}-xxxxx`, `10.2.0.${i}`, t0))));
    expect(scryptStats.peak).toBeLessThanOrEqual(2);
    expect(HASHING_AT_ONCE).toBe(2);
    expect(hashes).toBe(HASHING_AT_ONCE + HASHING_WAITING);
    const busy = result.filter((r) => !r.ok && r.status === 503);
    expect(busy).toHaveLength(30 - HASHING_AT_ONCE - HASHING_WAITING);
    expect(busy[0]).toMatchObject({ retryAfter: 5, message: expect.stringContaining('try again') });
    // A busy refusal was no guess: it counts against nobody.
    expect(failures(db)).toBe(HASHING_AT_ONCE + HASHING_WAITING);
  }, 60_000);

  it('the queue hands each finished place to the next waiter and refuses beyond its bound', async () => {
    const queue = new WorkQueue(1, 1);
    let release!: () => void;
    const first = queue.run(() => new Promise<string>((r) => (release = () => r('first'))));
    const second = queue.run(async () => 'second');
    expect(queue.full).toBe(true);
    await expect(queue.run(async () => 'third')).rejects.toBeInstanceOf(BusyError);
    const trusted = queue.run(async () => 'trusted', false); // account creation waits instead
    release();
    expect(await Promise.all([first, second, trusted])).toEqual(['first', 'second', 'trusted']);
    expect(queue.full).toBe(false);
  });
});

describe('pruning (security review row 24)', () => {
  it('drops failures older than the lockout windows and expired sessions when someone signs in', async () => {
    const db = await withAdmin();
    await login(db, 'mo@example.org', 'wrong-guess', '10.3.0.1', t0);
    await login(db, 'mo@example.org', password, '10.3.0.2', t0);
    const sessions = (since: Date) => (db.prepare('SELECT count(*) AS n FROM sessions WHERE created_at = ?').get(since.toISOString()) as { n: number }).n;
    expect([failures(db), sessions(t0)]).toEqual([1, 1]);
    await login(db, 'mo@example.org', password, '10.3.0.2', at(61 * 60));
    // The failure is past every window; the first session was idle past 30 minutes; the new one is live.
    expect([failures(db), sessions(t0), sessions(at(61 * 60))]).toEqual([0, 0, 1]);
  }, 30_000);
});
