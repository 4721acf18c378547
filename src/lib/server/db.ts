/**
 * The embedded database: node:sqlite, WAL journal, foreign keys on, full sync (a sign-off that was
 * acknowledged survives a crash or power cut). Numbered SQL migrations in `./migrations/` are
 * applied in order at start-up, each once, each in its own transaction.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `COURSE_DB`, or `./data/course.db` from the working directory. */
export const databasePath = (): string => resolve(process.env.COURSE_DB ?? join('data', 'course.db'));

/** The migrations folder, found from this module (source or built server) by walking up to the project. */
export function migrationsFolder(): string {
  const relative = join('src', 'lib', 'server', 'migrations');
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'migrations', '001-sign-off.sql')) && dir.endsWith(join('lib', 'server'))) return join(dir, 'migrations');
    if (existsSync(join(dir, relative))) return join(dir, relative);
    const up = dirname(dir);
    if (up === dir) throw new Error(`Cannot find ${relative} above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** `NNN-name.sql` files, in number order; a gap or a repeated number is an error. */
export function readMigrations(folder = migrationsFolder()): Migration[] {
  const migrations = readdirSync(folder)
    .filter((f) => f.endsWith('.sql'))
    .map((name) => {
      const match = /^(\d{3})-[a-z0-9-]+\.sql$/.exec(name);
      if (!match) throw new Error(`Migration file ${name} is not named NNN-name.sql`);
      return { version: Number(match[1]), name, sql: readFileSync(join(folder, name), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 001, 002, … without gaps: found ${m.name} at position ${i + 1}`);
  });
  return migrations;
}

/** Runs `fn` in a transaction that takes the write lock at once (BEGIN IMMEDIATE); rolls back on error. */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  // Inside another transaction: part of it, committed or rolled back with it.
  if (db.isTransaction) return fn();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

const statements = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

/**
 * `sql` prepared once per connection and reused: preparing costs tens of microseconds, which counts
 * on hot paths such as sign-off (issue 17). Only for fixed SQL text, never SQL built from input.
 */
export function cached(db: DatabaseSync, sql: string): StatementSync {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** Applies the migrations not yet applied; returns the names applied now. */
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = readMigrations()): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const done: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    transaction(db, () => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    });
    done.push(m.name);
  }
  return done;
}

/** Opens (creating the folder and file if needed) and migrates the database at `path`. */
export function openDatabase(path = databasePath()): DatabaseSync {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new DatabaseSync(path, { timeout: 5000 });
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
  migrate(db);
  return db;
}

/**
 * How long the server's connection waits, blocked, for another process's write lock. Short: a
 * blocked wait freezes every request. Writes first wait for the lock without blocking
 * (storage.ts, `waitForWriteLock`), so this only covers the moment between that and the write.
 */
export const SERVER_BUSY_MS = 50;

let shared: DatabaseSync | undefined;

/** The server's one connection, opened (with the usual 5 s wait for migrations) on first use. */
export function database(): DatabaseSync {
  if (!shared) {
    const db = openDatabase();
    db.exec(`PRAGMA busy_timeout = ${SERVER_BUSY_MS}`);
    // COURSE_DB_MAX_PAGES, a test and operations knob: the most 4 KB pages the database may grow to
    // (never below its size now); writes beyond it fail as on a full disk.
    const maxPages = Number(process.env.COURSE_DB_MAX_PAGES);
    if (Number.isInteger(maxPages) && maxPages > 0) db.exec(`PRAGMA max_page_count = ${maxPages}`);
    shared = db;
  }
  return shared;
}
