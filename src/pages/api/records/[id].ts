/** `GET /api/records/<id>`: the signed record as JSON, `{ record, algorithm, signature }`, plus its status. */
import type { APIRoute } from 'astro';
import { server } from '../../../lib/server/context.ts';
import { checkStoredRecord, findRecord } from '../../../lib/server/records.ts';
import { json } from '../../../lib/server/http.ts';

export const prerender = false;

export const GET: APIRoute = ({ params }) => {
  const { db } = server();
  const stored = findRecord(db, params.id ?? '');
  if (!stored) return json(404, { error: 'No record has this ID.' });
  const status = checkStoredRecord(db, stored);
  // `status` sits beside the signed envelope: it is the server's view, not part of what was signed.
  return json(200, { ...stored.envelope, status: status.status, ...(stored.revocation ? { revocation: stored.revocation } : {}) });
};
