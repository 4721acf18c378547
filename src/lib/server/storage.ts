/**
 * When the database cannot be written (security review rows 16 and 17): a full disk, a read-only
 * file or folder, an I/O error, or another process holding the write lock. Requests get a clear
 * 503 with Retry-After instead of a bare 500; start-up gets a message saying what to do.
 */
import type { DatabaseSync } from 'node:sqlite';
import { dirname } from 'node:path';
import { isBusy } from './rate-limit.ts';

/** SQLite's primary result codes for storage that cannot be written: READONLY, IOERR, FULL, CANTOPEN. */
const SQLITE_STORAGE = new Map([[8, 'the database is read-only'], [10, 'a disk read or write failed'], [13, 'the disk is full'], [14, 'the database file cannot be opened']]);
/** The same from the file system (creating the folder or the signing key). */
const FS_STORAGE = new Map([['EACCES', 'permission denied'], ['EPERM', 'permission denied'], ['EROFS', 'the file system is read-only'], ['ENOSPC', 'the disk is full'], ['ENOTDIR', 'part of the path is not a folder'], ['EIO', 'a disk read or write failed']]);

/** Why storage failed, in plain words, or undefined when `error` is something else. */
export function storageFailure(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { errcode, code } = error as { errcode?: unknown; code?: unknown };
  if (typeof errcode === 'number') return SQLITE_STORAGE.get(errcode & 0xff);
  if (typeof code === 'string' && FS_STORAGE.has(code)) return FS_STORAGE.get(code);
  return /database or disk is full|readonly database|disk I\/O error|unable to open database file/i.test(error.message) ? error.message : undefined;
}

/** Seconds a client is asked to wait before trying again. */
export const STORAGE_RETRY_AFTER = 30;
export const BUSY_RETRY_AFTER = 2;

/** The 503 (plain text, or JSON under /api/) for a storage failure or a busy database; undefined for other errors. */
export function unavailableResponse(error: unknown, path: string): Response | undefined {
  const busy = isBusy(error);
  if (!busy && !storageFailure(error)) return undefined;
  const message = busy
    ? 'The course is busy. Please try again in a moment.'
    : 'Storage is unavailable: the course could not save this, and nothing was stored. Please try again in a few minutes; if it keeps happening, tell the course administrator.';
  const headers = { 'cache-control': 'no-store', 'retry-after': String(busy ? BUSY_RETRY_AFTER : STORAGE_RETRY_AFTER) };
  if (path.startsWith('/api/')) {
    return new Response(`${JSON.stringify({ error: message }, null, 2)}\n`, { status: 503, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
  }
  return new Response(`${message}\n`, { status: 503, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}

/** The start-up message when the database at `path` cannot be opened or written; undefined for other errors. */
export function startupFailure(error: unknown, path: string): string | undefined {
  const reason = storageFailure(error);
  if (!reason) return undefined;
  return [
    `Cannot use the course database at ${path}: ${reason}.`,
    `The server needs to create and write files in ${dirname(path)} (the database, its journal and the signing key).`,
    'Make that folder writable by the user running the server (and check the disk has space), or set COURSE_DB',
    'to a database file in a folder it can write to, for example COURSE_DB=/var/lib/councillor-course/course.db.',
  ].join('\n');
}

/**
 * Waits, without blocking the event loop, until this connection can take the write lock (another
 * process, such as the sqlite3 shell or a script, may hold it); gives up after `totalMs` with
 * SQLite's busy error. The connection's own busy timeout is short (db.ts), so each try blocks for
 * a few milliseconds at most, and other requests are served in between.
 */
export async function waitForWriteLock(db: DatabaseSync, totalMs = 5000): Promise<void> {
  if (db.isTransaction) return;
  const deadline = Date.now() + totalMs;
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    try {
      db.exec('BEGIN IMMEDIATE');
      db.exec('ROLLBACK');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() + pause > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** Runs a start-up step that opens the database; on a storage failure, prints what to do and exits with status 1 (no stack trace). */
export function exitOnStorageFailure<T>(open: () => T, path: string): T {
  try {
    return open();
  } catch (error) {
    const message = startupFailure(error, path);
    if (!message) throw error;
    console.error(message);
    return process.exit(1);
  }
}
