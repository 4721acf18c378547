/**
 * When a learner may start (or send) another final assessment (security review row 9: the answer key
 * must not be harvested by taking attempt after attempt). After a failed attempt, the next waits for
 * a cool-down; a member starts at most a few attempts a day. The cool-down follows what a scripted
 * client cannot shed: the member for a personal link; for anyone else the address the attempt came
 * from, and the browser's cookie naming its last failed attempt (which also follows a learner whose
 * address changes).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { AstroCookies } from 'astro';
import { sha256Hex } from '../digest.ts';
import { envLimit } from './rate-limit.ts';
import { servedOverHttps } from './http.ts';
import { isAttemptToken, UNSENT_HOURS } from './attempts.ts';

const MINUTE = 60_000;

export interface RetakeRules {
  /** Minutes after a failed attempt is sent before the next may start (0: at once). */
  cooldownMinutes: number;
  /** Attempts a member may start in any 24 hours. */
  perDay: number;
}

/** A whole number of minutes from the environment (0 allowed), or the default. */
const envMinutes = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isInteger(value) && value >= 0 ? value : fallback;
};

/** COURSE_RETAKE_COOLDOWN_MINUTES (default 10) and COURSE_ATTEMPTS_PER_DAY (default 5). */
export const retakeRules = (): RetakeRules => ({
  cooldownMinutes: envMinutes('COURSE_RETAKE_COOLDOWN_MINUTES', 10),
  perDay: envLimit('COURSE_ATTEMPTS_PER_DAY', 5),
});

/** Who is taking the assessment: a linked member, or an address and the failed attempt its cookie names. */
export type Taker = { memberId: number } | { memberId: null; client: string; cookie?: string | undefined };

export type RetakeWait =
  /**
   * A failed attempt (`failed`: its ID) was sent less than the cool-down ago: by this member or
   * browser (`you`), or by someone else at this address, as far as the server can tell (`address`).
   */
  | { reason: 'cool-down'; until: Date; failed: string; by: 'you' | 'address' }
  /** The member has started `perDay` attempts in the last 24 hours. */
  | { reason: 'daily'; until: Date };

/** The cookie that names a browser's last failed attempt, per pack (its path is the pack's assessment). */
export const retakeCookie = (pack: string): string => `cc_retake_${pack}`;

/** Remembers a failed attempt on this browser for the length of the cool-down. */
export function rememberFailure(cookies: AstroCookies, url: URL, pack: string, token: string, rules: RetakeRules): void {
  if (rules.cooldownMinutes === 0) return;
  cookies.set(retakeCookie(pack), token, { httpOnly: true, sameSite: 'lax', secure: servedOverHttps(url), path: `/${pack}/assessment`, maxAge: rules.cooldownMinutes * 60 });
}

/** The taker of an attempt: its member, or else this request's address and cookie. */
export const takerOf = (memberId: number | null, client: string, cookies: AstroCookies, pack: string): Taker =>
  memberId !== null ? { memberId } : { memberId: null, client, cookie: cookies.get(retakeCookie(pack))?.value };

/** Why the taker must wait before another attempt, and until when; undefined when they need not. */
export function retakeWait(db: DatabaseSync, taker: Taker, rules: RetakeRules, now = new Date(), starting = true): RetakeWait | undefined {
  return lastFailure(db, taker, rules, now) ?? (starting && taker.memberId !== null ? dailyCap(db, taker.memberId, rules, now) : undefined);
}

function lastFailure(db: DatabaseSync, taker: Taker, rules: RetakeRules, now: Date): RetakeWait | undefined {
  if (rules.cooldownMinutes === 0) return undefined;
  const sentSince = new Date(now.getTime() - rules.cooldownMinutes * MINUTE).toISOString();
  // An attempt sent within the cool-down started at most a day (its expiry) before: the index's range.
  const startedSince = new Date(now.getTime() - rules.cooldownMinutes * MINUTE - UNSENT_HOURS * 60 * MINUTE).toISOString();
  const failed = (column: 'member_id' | 'client' | 'id', value: string | number) => db.prepare(`SELECT id, submitted_at FROM attempts
    WHERE ${column} = ? AND created_at >= ? AND passed = 0 AND submitted_at >= ? ORDER BY submitted_at DESC LIMIT 1`)
    .get(value, startedSince, sentSince) as { id: string; submitted_at: string } | undefined;
  const found = taker.memberId !== null
    ? [{ row: failed('member_id', taker.memberId), by: 'you' as const }]
    : [
      // The browser's own failed attempt first: when it is also the address's latest, it was this learner's.
      { row: taker.cookie && isAttemptToken(taker.cookie) ? failed('id', sha256Hex(taker.cookie)) : undefined, by: 'you' as const },
      { row: failed('client', taker.client), by: 'address' as const },
    ];
  const latest = found.flatMap((f) => (f.row ? [{ ...f.row, by: f.by }] : [])).sort((a, b) => b.submitted_at.localeCompare(a.submitted_at))[0];
  return latest && { reason: 'cool-down', until: new Date(Date.parse(latest.submitted_at) + rules.cooldownMinutes * MINUTE), failed: latest.id, by: latest.by };
}

function dailyCap(db: DatabaseSync, memberId: number, rules: RetakeRules, now: Date): RetakeWait | undefined {
  const since = new Date(now.getTime() - 24 * 60 * MINUTE).toISOString();
  // The perDay-th most recent start in the last 24 hours: another may start 24 hours after it.
  const row = db.prepare('SELECT created_at FROM attempts WHERE member_id = ? AND created_at > ? ORDER BY created_at DESC LIMIT 1 OFFSET ?')
    .get(memberId, since, rules.perDay - 1) as { created_at: string } | undefined;
  return row && { reason: 'daily', until: new Date(Date.parse(row.created_at) + 24 * 60 * MINUTE) };
}

/** The time to show: "14:32", or "09:15 on Thursday 27 November" when it is not today (UK time). */
export function retakeTime(exact: Date, now = new Date()): string {
  // Rounded up to the minute: "after 14:33" must not be a moment too early.
  const until = new Date(Math.ceil(exact.getTime() / MINUTE) * MINUTE);
  const zone = { timeZone: 'Europe/London' } as const;
  const day = (d: Date) => new Intl.DateTimeFormat('en-GB', { ...zone, dateStyle: 'full' }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', { ...zone, hour: '2-digit', minute: '2-digit' }).format(until);
  return day(until) === day(now) ? time : `${time} on ${new Intl.DateTimeFormat('en-GB', { ...zone, weekday: 'long', day: 'numeric', month: 'long' }).format(until)}`;
}

/** The plain-English refusal for a wait. */
export function retakeMessage(wait: RetakeWait, rules: RetakeRules, now = new Date()): string {
  const at = retakeTime(wait.until, now);
  if (wait.reason === 'cool-down' && wait.by === 'address') {
    return `An attempt sent from your network did not pass a few minutes ago, and each failed attempt is followed by ${rules.cooldownMinutes} minutes without a new one. You can start the assessment after ${at}.`;
  }
  return wait.reason === 'cool-down'
    ? `You did not pass your last attempt. You can take the assessment again after ${at}, ${rules.cooldownMinutes} minutes after you sent it. Meanwhile, revisit the lessons on the questions you got wrong.`
    : `You have started ${rules.perDay} assessments in the last 24 hours, the most allowed in a day. You can start another after ${at}.`;
}

/** Seconds until the wait is over, for Retry-After. */
export const retryAfter = (wait: RetakeWait, now = new Date()): number => Math.max(1, Math.ceil((wait.until.getTime() - now.getTime()) / 1000));
