/**
 * `POST /api/verify` with a record's JSON (`{ record, signature }`, as `/api/records/<id>` serves it):
 * says whether the signature holds with the course key the record names, and whether it was revoked.
 */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { checkRecord, findRecord } from '../../lib/server/records.ts';
import { jsonError, json, readJson } from '../../lib/server/http.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request }) => {
  let body: unknown;
  try {
    body = await readJson(request);
  } catch (error) {
    return jsonError(error);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('record' in body) || !('signature' in body)) {
    return json(400, { error: 'Send an object with "record" and "signature", as /api/records/<id> returns it.' });
  }
  const { record, signature } = body as { record: unknown; signature: unknown };
  const { db } = server();
  // Only a string ID is looked up (an object with a hostile toString must not throw: review row 15).
  const rawId = typeof record === 'object' && record !== null && 'id' in record ? (record as { id: unknown }).id : undefined;
  const id = typeof rawId === 'string' ? rawId : '';
  const revocation = findRecord(db, id)?.revocation;
  const status = checkRecord(db, record, signature, revocation);
  return json(200, {
    valid: status.status === 'valid',
    status: status.status,
    ...(status.status === 'invalid' ? { reason: status.reason } : { keyId: status.keyId }),
    ...(status.status === 'revoked' ? { revocation: status.revocation } : {}),
  });
};
