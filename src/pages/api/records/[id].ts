/**
 * `GET /api/records/<id>`: a record's public summary and status (what checking a certificate needs).
 * For a signed-in officer, or the member it belongs to (through their personal link), the whole signed
 * record instead: `{ record, algorithm, signature }` plus its status, exactly as `POST /api/verify` takes it.
 */
import type { APIRoute } from 'astro';
import { server } from '../../../lib/server/context.ts';
import { loadCertificate } from '../../../lib/server/certificates.ts';
import { publicOrigin, json } from '../../../lib/server/http.ts';
import { mayReadFull, publicRecord } from '../../../lib/server/public-record.ts';

export const prerender = false;

export const GET: APIRoute = ({ params, locals }) => {
  const { db } = server();
  const certificate = loadCertificate(db, params.id ?? '', publicOrigin());
  if (!certificate) return json(404, { error: 'No record has this ID.' });
  const { stored, status } = certificate;
  if (!mayReadFull(db, locals, stored.envelope.record.id)) return json(200, publicRecord(certificate));
  // `status` sits beside the signed envelope: it is the server's view, not part of what was signed.
  return json(200, { ...stored.envelope, status: status.status, ...(stored.revocation ? { revocation: stored.revocation } : {}) });
};
