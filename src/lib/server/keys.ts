/**
 * The signing key. `COURSE_SIGNING_KEY` (a PKCS#8 PEM private key, or the path of a file holding
 * one) wins; otherwise `signing-key.pem` in the database's folder, created on first start with
 * mode 0600. Its public key is registered in `signing_keys`, so records signed by an older key
 * still verify after a rotation.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { fingerprintOf, keyIdOf, publicKeyPem, readPublicKey } from '../signing.ts';
import { databasePath } from './db.ts';
import { anchorAuditWith } from './audit.ts';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  fingerprint: string;
  /** Where it came from, for the start-up message. */
  source: string;
}

export const keyFilePath = (database = databasePath()): string => join(dirname(database), 'signing-key.pem');

function fromPem(pem: string, source: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error(`${source} does not hold a PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${source} holds a ${privateKey.asymmetricKeyType} key; an Ed25519 key is needed`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), fingerprint: fingerprintOf(publicKey), source };
}

/**
 * Reads the configured key, creating the key file on first start (unless `create` is false: tools
 * that check, like audit:verify). `database`: whose key file, when not the configured database's.
 */
export function loadSigningKey({ create = true, database = databasePath() } = {}): SigningKey {
  const configured = process.env.COURSE_SIGNING_KEY?.trim();
  if (configured) {
    return configured.startsWith('-----BEGIN')
      ? fromPem(configured, 'COURSE_SIGNING_KEY')
      : fromPem(readFileSync(configured, 'utf8'), `COURSE_SIGNING_KEY file ${configured}`);
  }
  const file = keyFilePath(database);
  if (!existsSync(file) && !create) throw new Error(`No signing key: COURSE_SIGNING_KEY is not set and ${file} does not exist.`);
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      // `wx`: never overwrite a key another process has just written.
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return fromPem(readFileSync(file, 'utf8'), file);
}

/**
 * Records the key's public half (once) so verification can find it by key ID, and anchors this
 * connection's audit entries with it.
 */
export function registerKey(db: DatabaseSync, key: SigningKey): void {
  anchorAuditWith(db, key);
  db.prepare('INSERT OR IGNORE INTO signing_keys (key_id, public_key, created_at) VALUES (?, ?, ?)')
    .run(key.keyId, publicKeyPem(key.publicKey), new Date().toISOString());
}

/** A registered public key by ID, or undefined. */
export function publicKeyById(db: DatabaseSync, keyId: string): KeyObject | undefined {
  const row = db.prepare('SELECT public_key FROM signing_keys WHERE key_id = ?').get(keyId) as { public_key: string } | undefined;
  return row ? readPublicKey(row.public_key) : undefined;
}
