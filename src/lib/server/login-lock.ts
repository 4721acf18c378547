/**
 * When a sign-in guess may be checked (security review rows 3 and 4).
 *
 * - Per address, hard: five failures from one address in 15 minutes (whatever accounts they named)
 *   lock that address until the oldest of them is 15 minutes old. So one address gets at most five
 *   checked guesses per 15 minutes, for one account or spread over many.
 * - Per account, from every address, a step-back rather than a lock: once an account has five failures
 *   in the last hour, each further guess waits after the latest failure, 1 minute after the fifth and
 *   doubling with each failure after it (2, 4, 8), at most 15 minutes. A distributed attacker is slowed
 *   to a handful of guesses an hour, while the officer, at an address with no failures of its own,
 *   waits a minute or so after someone else's burst instead of being locked out with the attacker.
 *
 * Parallel guesses cannot get past either rule: the hold is checked and the guess is written as a
 * failure in one synchronous step before the password is hashed (reserveGuess), so the sixth guess of
 * a burst already sees the first five. A right password clears only its own reservation: it does
 * not wipe the history that other guesses, perhaps an attacker's, have built.
 */
import type { DatabaseSync } from 'node:sqlite';

export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
export const ACCOUNT_WINDOW_MINUTES = 60;
export const STEP_FIRST_MINUTES = 1;
export const STEP_MAX_MINUTES = 15;

const minutes = (n: number) => n * 60_000;
const before = (now: Date, m: number) => new Date(now.getTime() - minutes(m)).toISOString();

export interface Hold {
  until: Date;
  reason: 'address' | 'account';
}

/** A guess being checked now: counted like a failure until it turns out right (one map per database). */
export interface Guess {
  email: string;
  address: string;
  at: string;
}
const inFlight = new WeakMap<DatabaseSync, Set<Guess>>();
const guessesOn = (db: DatabaseSync) => inFlight.get(db) ?? inFlight.set(db, new Set()).get(db)!;

/** Why a guess from `address` for `email` may not be checked now, and until when; undefined when it may. */
export function holdOn(db: DatabaseSync, email: string, address: string, now: Date): Hold | undefined {
  const holds: Hold[] = [];
  const checking = [...guessesOn(db)];
  const lockSince = before(now, LOCK_MINUTES);
  const fromAddress = (db.prepare('SELECT at FROM login_failures WHERE address = ? AND at > ? ORDER BY at DESC LIMIT ?').all(address, lockSince, LOCK_AFTER) as { at: string }[])
    .map((r) => r.at).concat(checking.filter((g) => g.address === address && g.at > lockSince).map((g) => g.at)).sort().reverse();
  const fifth = fromAddress[LOCK_AFTER - 1];
  if (fifth) holds.push({ until: new Date(Date.parse(fifth) + minutes(LOCK_MINUTES)), reason: 'address' });
  const accountSince = before(now, ACCOUNT_WINDOW_MINUTES);
  const stored = db.prepare('SELECT count(*) AS n, max(at) AS latest FROM login_failures WHERE email = ? AND at > ?').get(email, accountSince) as { n: number; latest: string | null };
  const forAccount = checking.filter((g) => g.email === email && g.at > accountSince).map((g) => g.at);
  const count = stored.n + forAccount.length;
  const latest = [stored.latest ?? '', ...forAccount].sort().at(-1);
  if (count >= LOCK_AFTER && latest) {
    const wait = Math.min(STEP_MAX_MINUTES, STEP_FIRST_MINUTES * 2 ** (count - LOCK_AFTER));
    holds.push({ until: new Date(Date.parse(latest) + minutes(wait)), reason: 'account' });
  }
  const live = holds.filter((h) => h.until > now).sort((a, b) => b.until.getTime() - a.until.getTime());
  return live[0];
}

/**
 * Counts a guess as failed from the moment it is let through, so guesses arriving while it is hashed
 * see it. It lives in memory (the server is one process) until settled: written as a failure, with its
 * audit entry in the caller's transaction (one write, not two, per guess), or dropped if it was right.
 */
export function reserveGuess(db: DatabaseSync, email: string, address: string, now: Date): Guess {
  const guess = { email, address, at: now.toISOString() };
  guessesOn(db).add(guess);
  return guess;
}

/** The guess was wrong: it becomes a stored failure. Call inside the transaction that audits it. */
export function recordFailure(db: DatabaseSync, guess: Guess): void {
  db.prepare('INSERT INTO login_failures (email, address, at) VALUES (?, ?, ?)').run(guess.email, guess.address, guess.at);
}

/** The guess is settled (stored as a failure, or right): it no longer counts as in flight. Other failures stay until they age out. */
export function settleGuess(db: DatabaseSync, guess: Guess): void {
  guessesOn(db).delete(guess);
}

/** Failures older than the longest window count for nothing (security review row 24: they were never pruned). */
export function pruneFailures(db: DatabaseSync, now: Date): void {
  db.prepare('DELETE FROM login_failures WHERE at <= ?').run(before(now, Math.max(LOCK_MINUTES, ACCOUNT_WINDOW_MINUTES)));
}

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** What to tell the person, with the time (UK local, rounded up to the minute) when they may try again. */
export function holdMessage(hold: Hold): string {
  const at = clock.format(new Date(Math.ceil(hold.until.getTime() / 60_000) * 60_000));
  return hold.reason === 'address'
    ? `Too many failed sign-in attempts from your address. Sign-in is locked for up to ${LOCK_MINUTES} minutes: try again after ${at}.`
    : `Too many failed sign-in attempts for this account, so each new attempt has to wait: try again after ${at}.`;
}
