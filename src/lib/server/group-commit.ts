/**
 * Group commit (issue 17): writes queued by many requests are run together in one durable
 * transaction (BEGIN IMMEDIATE … COMMIT, synchronous=FULL), so one fsync serves a whole batch instead
 * of one each. Each write runs in its own savepoint, so one that throws is undone alone and only its
 * caller sees the error. No caller hears of success until the COMMIT has returned: nothing is
 * acknowledged that a crash could still take away.
 *
 * A batch is everything queued by the time the event loop reaches its check phase (setImmediate):
 * requests that arrived while the last COMMIT blocked the thread are all handled, then committed
 * together. Writes are run in the order they were queued.
 */
import type { DatabaseSync } from 'node:sqlite';
import { waitForWriteLock } from './storage.ts';

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** The most writes one transaction takes, so one batch holds the write lock only briefly. */
export const MAX_BATCH = 128;

export class GroupCommit {
  private readonly db: DatabaseSync;
  private readonly maxBatch: number;
  private queue: Pending[] = [];
  private scheduled = false;
  /** Batches committed, and writes in them: for tests and the bench. */
  readonly stats = { batches: 0, writes: 0, largest: 0 };

  constructor(db: DatabaseSync, maxBatch = MAX_BATCH) {
    this.db = db;
    this.maxBatch = maxBatch;
  }

  /** Queues `write` (synchronous, on this connection); resolves with its result once its batch is committed. */
  submit<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    try {
      // Another process (a script, the sqlite3 shell) may hold the lock: wait without blocking.
      await waitForWriteLock(this.db);
    } catch (error) {
      // Busy for too long: every write queued now is refused (503), none was run.
      this.scheduled = false;
      for (const item of this.queue.splice(0)) item.reject(error);
      return;
    }
    this.scheduled = false;
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length > 0) this.schedule();
    if (batch.length === 0) return;
    for (const [item, outcome] of this.commit(batch)) {
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    }
  }

  /** Runs the batch in one transaction; what each write's caller is to be told. */
  private commit(batch: Pending[]): [Pending, Outcome][] {
    const db = this.db;
    const outcomes: [Pending, Outcome][] = [];
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      return batch.map((item) => [item, { ok: false, error }]);
    }
    for (let i = 0; i < batch.length; i++) {
      const item = batch[i]!;
      db.exec('SAVEPOINT item');
      try {
        const value = item.write();
        db.exec('RELEASE item');
        outcomes.push([item, { ok: true, value }]);
      } catch (error) {
        if (!db.isTransaction) {
          // SQLite gave up the whole transaction (a full disk, an I/O error): the writes before this
          // one were undone with it, so their callers hear the same error; the rest go in the next batch.
          this.queue.unshift(...batch.slice(i + 1));
          if (i + 1 < batch.length) this.schedule();
          return [...outcomes.map(([done]) => [done, { ok: false, error }] as [Pending, Outcome]), [item, { ok: false, error }]];
        }
        db.exec('ROLLBACK TO item');
        db.exec('RELEASE item');
        outcomes.push([item, { ok: false, error }]);
      }
    }
    try {
      db.exec('COMMIT');
    } catch (error) {
      // Not durable, so not acknowledged: every write in the batch is refused.
      if (db.isTransaction) db.exec('ROLLBACK');
      return batch.map((item) => [item, { ok: false, error }]);
    }
    this.stats.batches++;
    this.stats.writes += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    return outcomes;
  }
}

const queues = new WeakMap<DatabaseSync, GroupCommit>();

/** The group-commit queue for this connection (one per connection, so all its queued writes share batches). */
export function groupCommit(db: DatabaseSync): GroupCommit {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new GroupCommit(db)));
  return queue;
}
