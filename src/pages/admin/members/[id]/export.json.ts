/** `GET /admin/members/<id>/export.json`: everything held about one member, for a subject access request. */
import type { APIRoute } from 'astro';
import { server } from '../../../../lib/server/context.ts';
import { memberDetail } from '../../../../lib/server/members.ts';
import { findRecord } from '../../../../lib/server/records.ts';
import { audit } from '../../../../lib/server/audit.ts';
import { transaction } from '../../../../lib/server/db.ts';
import { json } from '../../../../lib/server/http.ts';
import { memberPack, scopeOf, sees } from '../../../../lib/server/scope.ts';
import { courseLabels } from '../../../../data/labels.ts';
import { KIND_NAMES } from '../../../../lib/labels.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params, locals }) => {
  const { db } = server();
  const id = Number(params.id);
  const pack = Number.isInteger(id) ? memberPack(db, id) : undefined;
  const detail = pack !== undefined && sees(scopeOf(db, locals.admin!.id), pack) ? memberDetail(db, id) : undefined;
  if (!detail) return json(404, { error: 'No member has this ID.' });
  const labels = await courseLabels();
  const { member, records, attempts, events } = detail;
  transaction(db, () => audit(db, locals.admin!.email, 'subject-access-export', String(id)));
  return json(200, {
    exportedAt: new Date().toISOString(),
    member: {
      name: member.name, email: member.email, role: member.role, wardOrCommittee: member.ward_or_committee, pack: member.pack, course: labels.course(member.pack),
      inductionDue: member.due_date, personalLinkCreated: member.link_created_at, archived: member.archived_at,
    },
    // Each record exactly as signed (IDs, option numbers), and beside it the same answers in words.
    signedRecords: records.map((r) => {
      const envelope = findRecord(db, r.id)!.envelope;
      return { ...envelope, revoked: r.revoked_at ? { at: r.revoked_at, reason: r.reason } : null, inWords: labels.recordInWords(envelope.record) };
    }),
    assessmentAttempts: attempts,
    progressEvents: events.map((e) => ({ ...e, what: KIND_NAMES[e.kind] ?? e.kind, about: labels.event(member.pack, e.kind, e.item).text })),
  }, { 'content-disposition': `attachment; filename="member-${id}.json"` });
};
