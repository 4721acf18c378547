/** Admin passwords: scrypt (node:crypto) with a per-user random salt, compared in constant time. */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 2 ** 15;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(rr), p: Number(pp) });
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
