/**
 * Ed25519 signatures over a record's canonical JSON (node:crypto). Server and the offline
 * `npm run verify` use it; never imported by the browser.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical.ts';

export const ALGORITHM = 'Ed25519';

/** The public key's SPKI DER bytes, hashed: the full SHA-256 in hex. */
function spkiHash(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** A short, stable name for a key: the first 16 hex digits of its SPKI SHA-256. */
export const keyIdOf = (publicKey: KeyObject): string => spkiHash(publicKey).slice(0, 16);

/** The full SHA-256 of the public key, in groups of four, for people to compare by eye. */
export const fingerprintOf = (publicKey: KeyObject): string =>
  spkiHash(publicKey).toUpperCase().match(/.{4}/g)!.join(' ');

export const publicKeyPem = (publicKey: KeyObject): string => publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** A public key from PEM text; throws a plain message on anything else. */
export function readPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error('that is not a PEM public key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key, found ${key.asymmetricKeyType ?? 'another kind'}`);
  return key;
}

/** A record with its signature, as stored, served and checked. */
export interface SignedEnvelope<T> {
  record: T;
  algorithm: typeof ALGORITHM;
  /** Base64 Ed25519 signature over `canonicalJson(record)`. */
  signature: string;
}

export function signRecord<T>(record: T, privateKey: KeyObject): SignedEnvelope<T> {
  return { record, algorithm: ALGORITHM, signature: signCanonical(canonicalJson(record), privateKey) };
}

/** Base64 Ed25519 over canonical JSON already written, for a caller that stores those bytes too (written once). */
export const signCanonical = (canonical: string, privateKey: KeyObject): string => sign(null, Buffer.from(canonical), privateKey).toString('base64');

export type Verdict = { valid: true } | { valid: false; reason: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Whether `signature` is a valid Ed25519 signature by `publicKey` over the canonical JSON of `record`. */
export function verifyRecord(record: unknown, signature: unknown, publicKey: KeyObject): Verdict {
  if (typeof signature !== 'string' || !BASE64.test(signature)) return { valid: false, reason: 'the signature is missing or not base64' };
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== 64) return { valid: false, reason: 'the signature is not 64 bytes long' };
  let message: string;
  try {
    message = canonicalJson(record);
  } catch (error) {
    return { valid: false, reason: `the record is not JSON data: ${(error as Error).message}` };
  }
  return verify(null, Buffer.from(message), publicKey, bytes)
    ? { valid: true }
    : { valid: false, reason: 'the signature does not match the record: it was changed after signing, or signed by another key' };
}
