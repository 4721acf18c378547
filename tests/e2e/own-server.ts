/** A built server of a test's own, on a fresh database it can also write to directly; and roster members with personal links. */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../../src/lib/server/db.ts';
import { regenerateLink, saveMember } from '../../src/lib/server/members.ts';
import { freePort, startServer, stopServer, type Running } from './spawn-server.ts';

const root = join(import.meta.dirname, '..', '..');

/** Runs `use` against a server on a fresh database in reports/<folder>/<name>/, with `env`; stops it afterwards. */
export async function withOwnServer(folder: string, name: string, use: (server: Running, db: DatabaseSync) => Promise<void>, env: Record<string, string> = {}): Promise<void> {
  const dir = join(root, 'reports', folder, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, 'course.db');
  const server = await startServer(dbPath, await freePort(), env);
  const db = openDatabase(dbPath);
  try {
    await use(server, db);
  } finally {
    db.close();
    await stopServer(server);
  }
}

/** A roster member of `pack` with a personal link; returns the link's token. */
export const linkedMember = (db: DatabaseSync, name: string, email: string, pack = 'wyre'): string =>
  regenerateLink(db, saveMember(db, null, { name, email, role: 'councillor', wardOrCommittee: 'Rossall', pack, dueDate: '2030-03-31' }, 'test'), 'test');
