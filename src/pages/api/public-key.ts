/** `GET /api/public-key`: the current signing key (PEM, key ID, fingerprint) and every key that has signed records. */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { ALGORITHM, fingerprintOf, publicKeyPem, readPublicKey } from '../../lib/signing.ts';
import { json } from '../../lib/server/http.ts';

export const prerender = false;

export const GET: APIRoute = () => {
  const { db, key } = server();
  const keys = (db.prepare('SELECT key_id, public_key, created_at FROM signing_keys ORDER BY created_at').all() as { key_id: string; public_key: string; created_at: string }[])
    .map((k) => ({ keyId: k.key_id, publicKey: k.public_key, fingerprint: fingerprintOf(readPublicKey(k.public_key)), since: k.created_at }));
  return json(200, { algorithm: ALGORITHM, keyId: key.keyId, fingerprint: key.fingerprint, publicKey: publicKeyPem(key.publicKey), keys });
};
