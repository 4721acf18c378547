/**
 * `npm run backup -- <file>`: a consistent copy of the live database, made with SQLite's online
 * backup (node:sqlite `backup`) while the server keeps running. Restore by stopping the server and
 * putting the copy at COURSE_DB. The signing key is a separate file: back it up too.
 */
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { resolve } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import { databasePath } from '../src/lib/server/db.ts';

const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run backup -- <file>   (for example: npm run backup -- backups/course-2026-11-21.db)');
  process.exit(2);
}
const source = databasePath();
if (!existsSync(source)) {
  console.error(`No database at ${source} (set COURSE_DB).`);
  process.exit(2);
}
if (existsSync(target)) {
  console.error(`${target} already exists: choose a new file name, so no backup is overwritten.`);
  process.exit(2);
}
// The copy holds password hashes, sessions, the roster and the audit log: readable by its owner only
// (0600), from the moment it exists, like the live data folder.
closeSync(openSync(resolve(target), 'wx', 0o600));
const db = new DatabaseSync(source, { timeout: 5000 });
const pages = await backup(db, resolve(target), { rate: 256 });
chmodSync(resolve(target), 0o600);
db.close();
const copy = new DatabaseSync(resolve(target), { readOnly: true });
const check = (copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
const records = (copy.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
copy.close();
if (check !== 'ok') {
  console.error(`The copy failed its integrity check: ${check}`);
  process.exit(1);
}
console.log(`Backed up ${source} to ${resolve(target)}: ${pages} pages, ${records} sign-off records, integrity ok.`);
