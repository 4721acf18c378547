/**
 * `POST /api/verify` with a record's JSON (`{ record, signature }`, as `/api/records/<id>` serves it to
 * its officer or member): says whether the signature holds with the course key the record names,
 * whether it was revoked, and what it verified (ID, name, date, identity). Only the exact bytes of a
 * value are accepted: a repeated key or an edited copy is invalid (see src/lib/record-file.ts).
 */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { checkRecord, findRecord } from '../../lib/server/records.ts';
import { jsonError, json, readJsonText } from '../../lib/server/http.ts';
import { readRecordFile } from '../../lib/record-file.ts';
import { revokedLine } from '../../lib/server/public-record.ts';
import type { SignOffRecord } from '../../lib/record.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request }) => {
  let text: string;
  try {
    text = await readJsonText(request);
  } catch (error) {
    return jsonError(error);
  }
  const file = readRecordFile(text);
  if (!file.ok && file.reason === 'the file is not valid JSON') return json(400, { error: 'The request body is not valid JSON.' });
  if (!file.ok) return json(200, { valid: false, status: 'invalid', reason: file.reason });
  const body = file.value;
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
  if (status.status === 'invalid') return json(200, { valid: false, status: status.status, reason: status.reason });
  // The signature holds, so these are the signed values: say what was verified.
  const signed = record as SignOffRecord;
  return json(200, {
    valid: status.status === 'valid',
    status: status.status,
    keyId: status.keyId,
    verified: {
      id: signed.id,
      name: signed.member.name,
      signedAt: signed.signedAt,
      council: signed.course.council,
      policyVersion: signed.course.policyVersion,
      identity: signed.identity?.level ?? 'not-recorded',
    },
    ...(status.status === 'revoked' ? { revoked: { on: status.revocation.at.slice(0, 10), note: revokedLine(status.revocation.at) } } : {}),
  });
};
