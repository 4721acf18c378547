/**
 * `npm run verify -- record.json [public-key.pem]`: checks a signed record offline.
 *
 * record.json is what `GET /api/records/<id>` returns (`{ record, signature }`). The public key is
 * the PEM from `GET /api/public-key` (its `publicKey` field saved to a file, or the whole JSON
 * response); without one, the key the record names is looked up in the local database (COURSE_DB).
 * The file must be exactly as issued (a repeated or edited field is refused: src/lib/record-file.ts).
 * Prints VALID, with the ID, name, date and identity level it verified, or INVALID with the reason;
 * exits 0 only when the signature holds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { KeyObject } from 'node:crypto';
import { fingerprintOf, keyIdOf, readPublicKey, verifyRecord } from '../src/lib/signing.ts';
import { databasePath } from '../src/lib/server/db.ts';
import { readRecordFile } from '../src/lib/record-file.ts';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const [recordFile, keyFile] = process.argv.slice(2);
if (!recordFile) fail('Usage: npm run verify -- record.json [public-key.pem]', 2);

let envelope: { record?: { id?: unknown; keyId?: unknown; signedAt?: unknown; member?: { name?: unknown }; identity?: { level?: unknown } }; signature?: unknown };
let text: string;
try {
  text = readFileSync(recordFile, 'utf8');
} catch (error) {
  fail(`INVALID: cannot read ${recordFile} (${(error as Error).message})`);
}
const file = readRecordFile(text);
if (!file.ok) fail(`INVALID: ${file.reason}`);
envelope = file.value as typeof envelope;
const keyId = envelope.record?.keyId;

function keyFromFile(file: string): KeyObject {
  const text = readFileSync(file, 'utf8');
  // Accept the PEM itself, or the JSON that /api/public-key returns.
  const pem = text.trimStart().startsWith('{') ? String((JSON.parse(text) as { publicKey?: unknown }).publicKey ?? '') : text;
  return readPublicKey(pem);
}

function keyFromDatabase(): KeyObject {
  const path = databasePath();
  if (!existsSync(path)) fail(`No public key given and no database at ${path}: pass the key file, e.g. npm run verify -- record.json public-key.pem`, 2);
  const db = new DatabaseSync(path, { readOnly: true });
  const row = db.prepare('SELECT public_key FROM signing_keys WHERE key_id = ?').get(String(keyId)) as { public_key: string } | undefined;
  db.close();
  if (!row) fail(`INVALID: the record names key "${String(keyId)}", which is not in ${path}`);
  return readPublicKey(row.public_key);
}

let publicKey: KeyObject;
try {
  publicKey = keyFile ? keyFromFile(keyFile) : keyFromDatabase();
} catch (error) {
  fail(`Cannot read the public key: ${(error as Error).message}`, 2);
}

if (keyId !== keyIdOf(publicKey)) {
  fail(`INVALID: the record names key "${String(keyId)}", but the key given is ${keyIdOf(publicKey)}`);
}
const verdict = verifyRecord(envelope.record, envelope.signature, publicKey);
if (!verdict.valid) fail(`INVALID: ${verdict.reason}`);
const r = envelope.record!;
console.log(`VALID: record ${String(r.id)} for ${String(r.member?.name)}, signed ${String(r.signedAt)} (identity: ${String(r.identity?.level ?? 'not recorded')}), is signed by key ${keyIdOf(publicKey)}`);
console.log(`Key fingerprint (SHA-256): ${fingerprintOf(publicKey)}`);
