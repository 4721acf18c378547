/**
 * Small things the server holds for a few minutes, in memory: the message shown after a form's
 * redirect (Post/Redirect/Get), and a form that arrived after its admin session ended, kept until
 * they sign in again. Lost on a restart, which is acceptable for both: a flash only repeats what the
 * page now shows, and a held form is at worst typed again.
 */
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../digest.ts';

export const FLASH_MINUTES = 10;
export const HELD_MINUTES = 15;
/** A bound on memory whatever is posted: the oldest entries go first. */
const MAX_ENTRIES = 2_000;

class ShortLived<T> {
  readonly #entries = new Map<string, { value: T; expires: number }>();
  readonly minutes: number;
  constructor(minutes: number) {
    this.minutes = minutes;
  }

  put(value: T, now = Date.now()): string {
    this.#prune(now);
    const key = randomBytes(18).toString('base64url');
    this.#entries.set(key, { value, expires: now + this.minutes * 60_000 });
    while (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    return key;
  }

  get(key: string | null | undefined, now = Date.now()): T | undefined {
    const entry = key ? this.#entries.get(key) : undefined;
    return entry && entry.expires > now ? entry.value : undefined;
  }

  take(key: string | null | undefined, now = Date.now()): T | undefined {
    const value = this.get(key, now);
    if (key) this.#entries.delete(key);
    return value;
  }

  #prune(now: number): void {
    for (const [key, entry] of this.#entries) if (entry.expires <= now) this.#entries.delete(key);
  }
}

/** What a page says after the redirect that follows its form: a sentence, and a new personal link to copy. */
export interface Flash {
  message: string;
  link?: string | undefined;
}

const flashes = new ShortLived<{ session: string; flash: Flash }>(FLASH_MINUTES);

/**
 * Keeps a result for the page the form redirects to, for this admin session only; returns the key
 * for the `done` query flag. Refreshing that page shows the same result and does nothing again.
 */
export function putFlash(session: string, flash: Flash, now?: number): string {
  return flashes.put({ session: sha256Hex(session), flash }, now);
}

export function readFlash(session: string | undefined, key: string | null, now?: number): Flash | undefined {
  const entry = flashes.get(key, now);
  return entry && session && entry.session === sha256Hex(session) ? entry.flash : undefined;
}

/** A form posted after the session ended: where it was going and every field, as typed. */
export interface HeldForm {
  path: string;
  fields: [string, string][];
}

const held = new ShortLived<HeldForm>(HELD_MINUTES);

export const holdForm = (form: HeldForm, now?: number): string => held.put(form, now);
/** Whether a held form is still waiting (the sign-in page says so). */
export const heldForm = (key: string | null | undefined, now?: number): HeldForm | undefined => held.get(key, now);
/** The held form, once: the page that offers to send it again removes it. */
export const takeHeldForm = (key: string | null | undefined, now?: number): HeldForm | undefined => held.take(key, now);
