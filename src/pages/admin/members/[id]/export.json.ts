/** `GET /admin/members/<id>/export.json`: everything held about one member, for a subject access request. */
import type { APIRoute } from 'astro';
import { server } from '../../../../lib/server/context.ts';
import { memberDetail } from '../../../../lib/server/members.ts';
import { findRecord } from '../../../../lib/server/records.ts';
import { audit } from '../../../../lib/server/audit.ts';
import { transaction } from '../../../../lib/server/db.ts';
import { json } from '../../../../lib/server/http.ts';

export const prerender = false;

export const GET: APIRoute = ({ params, locals }) => {
  const { db } = server();
  const id = Number(params.id);
  const detail = Number.isInteger(id) ? memberDetail(db, id) : undefined;
  if (!detail) return json(404, { error: 'No member has this ID.' });
  const { member, records, attempts, events } = detail;
  transaction(db, () => audit(db, locals.admin!.email, 'subject-access-export', String(id)));
  return json(200, {
    exportedAt: new Date().toISOString(),
    member: {
      name: member.name, email: member.email, role: member.role, wardOrCommittee: member.ward_or_committee, pack: member.pack,
      inductionDue: member.due_date, personalLinkCreated: member.link_created_at, archived: member.archived_at,
    },
    signedRecords: records.map((r) => ({ ...findRecord(db, r.id)!.envelope, revoked: r.revoked_at ? { at: r.revoked_at, reason: r.reason } : null })),
    assessmentAttempts: attempts,
    progressEvents: events,
  }, { 'content-disposition': `attachment; filename="member-${id}.json"` });
};
