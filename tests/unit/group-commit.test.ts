/**
 * Group commit (issue 17): writes queued together run in one durable transaction, in order; each
 * caller hears its own result or error; a failing write is undone alone; no caller hears of success
 * before the COMMIT, and a failed COMMIT acknowledges nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/lib/server/group-commit.ts';

const dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function fresh() {
  const path = join(dir, `t${++n}.db`);
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
    CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE,
      parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)`);
  const insert = (text: string, parent: number | null = null) => () => {
    db.prepare('INSERT INTO rows (text, parent) VALUES (?, ?)').run(text, parent);
    return text.toUpperCase();
  };
  /** What another connection sees: only what was committed. */
  const committed = () => {
    const other = new DatabaseSync(path, { readOnly: true });
    const texts = (other.prepare('SELECT text FROM rows ORDER BY id').all() as { text: string }[]).map((r) => r.text);
    other.close();
    return texts;
  };
  return { db, queue: new GroupCommit(db), insert, committed };
}

describe('group commit', () => {
  it('runs writes queued together in one transaction, in the order queued, each caller getting its own result', async () => {
    const { queue, insert, committed } = fresh();
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((t) => queue.submit(insert(t))));
    expect(results).toEqual(['A', 'B', 'C', 'D']);
    expect(committed()).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.stats).toEqual({ batches: 1, writes: 4, largest: 4 });
    // Queued later: a batch of its own.
    await queue.submit(insert('e'));
    expect(queue.stats.batches).toBe(2);
  });

  it('gives a failing write its own error, undoes only it, and commits the rest', async () => {
    const { db, queue, insert, committed } = fresh();
    const failing = () => {
      db.prepare("INSERT INTO rows (text) VALUES ('half-done')").run();
      throw new Error('refused');
    };
    const outcomes = await Promise.allSettled([queue.submit(insert('a')), queue.submit(failing), queue.submit(insert('a')), queue.submit(insert('b'))]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'A' });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { message: 'refused' } });
    expect(outcomes[2]).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/UNIQUE/) } });
    expect(outcomes[3]).toEqual({ status: 'fulfilled', value: 'B' });
    expect(committed()).toEqual(['a', 'b']);
  });

  it('acknowledges nothing before the COMMIT: a write runs inside the transaction, and its caller hears after it is committed', async () => {
    const { db, queue, committed } = fresh();
    const seen: string[][] = [];
    let settled = false;
    const pending = queue.submit(() => {
      expect(db.isTransaction).toBe(true);
      db.prepare("INSERT INTO rows (text) VALUES ('x')").run();
      seen.push(committed());
    }).then(() => {
      settled = true;
      seen.push(committed());
    });
    expect(settled).toBe(false);
    await pending;
    expect(seen).toEqual([[], ['x']]);
  });

  it('refuses every write in a batch whose COMMIT fails, and stores none of them', async () => {
    const { db, queue, insert, committed } = fresh();
    // A deferred foreign key is checked only at COMMIT, so this batch's COMMIT fails.
    const outcomes = await Promise.allSettled([queue.submit(insert('a')), queue.submit(insert('orphan', 99)), queue.submit(insert('b'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason.message).toMatch(/FOREIGN KEY/);
    expect(committed()).toEqual([]);
    expect(db.isTransaction).toBe(false);
    // The queue goes on working.
    expect(await queue.submit(insert('c'))).toBe('C');
    expect(committed()).toEqual(['c']);
  });

  it('takes at most maxBatch writes in one transaction and commits the rest next', async () => {
    const { db, insert, committed } = fresh();
    const queue = new GroupCommit(db, 2);
    expect(await Promise.all(['a', 'b', 'c', 'd', 'e'].map((t) => queue.submit(insert(t))))).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(queue.stats).toEqual({ batches: 3, writes: 5, largest: 2 });
    expect(committed()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('waits without blocking while another process holds the write lock, then commits', async () => {
    const { db, queue, insert, committed } = fresh();
    db.exec('PRAGMA busy_timeout = 10');
    const other = new DatabaseSync(join(dir, `t${n}.db`));
    other.exec('BEGIN IMMEDIATE');
    const waiting = queue.submit(insert('a'));
    // Released after the first try: the queue waits (storage.ts, waitForWriteLock) and goes on.
    setTimeout(() => other.exec('COMMIT'), 50);
    expect(await waiting).toBe('A');
    other.close();
    expect(committed()).toEqual(['a']);
  });

  it('refuses every waiting write when SQLite gives up the whole transaction, storing none', async () => {
    const { db, queue, insert, committed } = fresh();
    // A write that ends the transaction itself stands for SQLite abandoning it (a full disk, an I/O error).
    const abandon = () => {
      db.exec('ROLLBACK');
      throw new Error('disk full');
    };
    const outcomes = await Promise.allSettled([queue.submit(insert('a')), queue.submit(abandon), queue.submit(insert('b'))]);
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: { message: 'disk full' } });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { message: 'disk full' } });
    // The write after it was never run in that transaction: it goes in the next batch.
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: 'B' });
    expect(committed()).toEqual(['b']);
  });
});
