/** The server's database and signing key, set up once: on `npm start`, or on the first request. */
import type { DatabaseSync } from 'node:sqlite';
import { database, databasePath } from './db.ts';
import { loadSigningKey, registerKey, type SigningKey } from './keys.ts';
import { adminCount, createSetupToken, SETUP_MINUTES } from './admins.ts';
import { pruneAttempts } from './attempts.ts';

export interface ServerContext {
  db: DatabaseSync;
  key: SigningKey;
}

let context: ServerContext | undefined;

export function server(): ServerContext {
  if (!context) {
    const db = database();
    const key = loadSigningKey();
    registerKey(db, key);
    // Expired assessment attempts go at start-up (and now and then as attempts start: attempts.ts).
    pruneAttempts(db);
    context = { db, key };
  }
  return context;
}

/**
 * For `npm start`'s message: the database and key and, while no admin account exists, a one-time
 * link (valid 30 minutes) that creates the first one.
 */
export function describeSetup(origin: string): string {
  const { db, key } = server();
  const lines = [`Database: ${databasePath()}`, `Signing key ${key.keyId} (${key.source})`];
  if (adminCount(db) === 0) {
    lines.push(`No admin account yet. Create the first one within ${SETUP_MINUTES} minutes at:`, `  ${origin}/admin/setup/${createSetupToken(db)}/`);
  }
  return lines.join('\n');
}
