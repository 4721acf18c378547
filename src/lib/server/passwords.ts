/**
 * Admin passwords: scrypt (node:crypto) with a per-user random salt, compared in constant time.
 * Every derivation goes through one bounded queue (security review row 11): each takes ~32 MB and a
 * libuv pool thread for a noticeable time, and the pool also serves file reads for every page, so a
 * burst of sign-ins must not take all of it.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { WorkQueue } from './work-queue.ts';

const N = 2 ** 15;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;

/** At most two derivations run at once and eight more wait; beyond that a sign-in is told the site is busy. */
export const HASHING_AT_ONCE = 2;
export const HASHING_WAITING = 8;
export const hashing = new WorkQueue(HASHING_AT_ONCE, HASHING_WAITING);

/** Derivations started, running now, and the most ever running together (read by tests and diagnostics). */
export const scryptStats = { started: 0, running: 0, peak: 0 };

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  scryptStats.started++;
  scryptStats.peak = Math.max(scryptStats.peak, ++scryptStats.running);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (error, key) => {
      scryptStats.running--;
      if (error) reject(error);
      else resolve(key);
    }));
}

/** Hashes a new password. Creating an account is rare and trusted, so it waits for its turn rather than being refused. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await hashing.run(() => derive(password, salt, { N, r, p }), false);
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a password against its stored hash; rejects with BusyError when the queue is full (see `hashing.full`). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await hashing.run(() => derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(rr), p: Number(pp) }));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * Words that make up the commonest long passwords (NCSC: block common and easily guessed passwords).
 * A password that is one of these, with or without digits, symbols and repeats around it, is refused.
 */
const COMMON = ['password', 'passw0rd', 'qwerty', 'qwertyuiop', 'asdfghjkl', 'letmein', 'welcome', 'iloveyou', 'admin', 'administrator', 'changeme', 'council', 'monitoringofficer', 'abcdefghijkl', 'abc'];

/** What a new password must be: long enough to resist guessing, and not one that is guessed first. */
export function passwordProblem(password: string): string | undefined {
  if (password.trim().length < 12) return 'Use a password of at least 12 characters (spaces at the ends do not count)';
  if (password.length > 200) return 'Use a password of at most 200 characters';
  if (new Set(password).size < 4) return 'Use more than three different characters: a password like "aaaaaaaaaaaa" is guessed at once';
  const letters = password.toLowerCase().replace(/[^a-z]/g, '');
  const unrepeated = letters.replace(/^(.+?)\1+$/, '$1');
  if (letters === '' || COMMON.includes(unrepeated)) return 'That password is one of the first that attackers try: choose another (three random words work well)';
  return undefined;
}
