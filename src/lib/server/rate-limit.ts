/**
 * Per-address rate limits for sign-in and sign-off: at most `limit` requests in any `windowMs`
 * (a sliding log per address, kept in memory and pruned as it goes). Over the limit, the caller
 * answers 429 with Retry-After.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private taken = 0;

  constructor(limit: number, windowMs = 60_000) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Counts a request from `key`; says whether it may go ahead, and if not, in how many seconds. */
  take(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfter: number } {
    const since = now - this.windowMs;
    const log = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (++this.taken % 1000 === 0) this.prune(since);
    if (log.length >= this.limit) {
      this.hits.set(key, log);
      return { ok: false, retryAfter: Math.max(1, Math.ceil((log[0]! + this.windowMs - now) / 1000)) };
    }
    log.push(now);
    this.hits.set(key, log);
    return { ok: true };
  }

  private prune(since: number): void {
    for (const [key, log] of this.hits) if (log.every((t) => t <= since)) this.hits.delete(key);
  }
}

/** A whole number from the environment, or the default. */
export const envLimit = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** SQLite's "database is locked" / "busy": another writer held the lock past the busy timeout. */
export const isBusy = (error: unknown): boolean =>
  error instanceof Error && /database is (locked|busy)|SQLITE_BUSY/i.test(`${error.message} ${(error as { code?: string }).code ?? ''}`);
