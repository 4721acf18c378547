/** The server's database and signing key, set up once: on `npm start`, or on the first request. */
import type { DatabaseSync } from 'node:sqlite';
import { database, databasePath } from './db.ts';
import { loadSigningKey, registerKey, type SigningKey } from './keys.ts';

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
    context = { db, key };
  }
  return context;
}

/** For `npm start`'s message. */
export function describeSetup(): string {
  const { key } = server();
  return `Database: ${databasePath()}\nSigning key ${key.keyId} (${key.source})`;
}
