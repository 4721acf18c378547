/**
 * `GET /admin/export.csv`: the completion register for the Standards Committee, one row per member.
 * UTF-8 with a byte-order mark, ISO 8601 dates, and every cell that could start a formula neutralised.
 */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { listMembers } from '../../lib/server/members.ts';
import { byName, withStatus } from '../../lib/server/dashboard.ts';
import { STATUS_LABELS, STATUS_ORDER } from '../../lib/member-status.ts';
import { toCsv } from '../../lib/csv.ts';
import { packInfo } from '../../data/admin.ts';
import { scopeOf, visibleMembers } from '../../lib/server/scope.ts';

export const prerender = false;

const HEADER = ['Name', 'Email', 'Role', 'Ward or committee', 'Council', 'Status', 'Induction due', 'Started', 'Signed at', 'Policy version signed', 'Sign-off expires', 'Best assessment score (%)', 'Record ID'];

export const GET: APIRoute = async ({ locals }) => {
  const scope = scopeOf(server().db, locals.admin!.id);
  const packs = await packInfo(scope);
  const rows = withStatus(visibleMembers(scope, listMembers(server().db)), packs)
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || byName(a.name, b.name));
  const csv = toCsv(HEADER, rows.map((r) => [
    r.name, r.email, r.role, r.ward_or_committee, packs.get(r.pack)?.council ?? r.pack, STATUS_LABELS[r.status], r.due_date,
    r.started_at, r.signed_at, r.policy_version, r.expiresOn, r.best_score, r.record_id,
  ]));
  const today = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="completion-register-${today}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
