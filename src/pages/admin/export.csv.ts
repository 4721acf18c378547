/**
 * `GET /admin/export.csv`: the completion register for the Standards Committee, one row per member.
 * UTF-8 with a byte-order mark; dates as YYYY-MM-DD and times as UK local "YYYY-MM-DD HH:MM", which a
 * spreadsheet reads as dates and sorts; every cell that could start a formula, or be misread as a date
 * or number ("November 2017"), kept as text (csv.ts).
 */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { listMembers } from '../../lib/server/members.ts';
import { byName, withStatus } from '../../lib/server/dashboard.ts';
import { STATUS_LABELS, STATUS_ORDER } from '../../lib/member-status.ts';
import { csvDate, csvTime, toCsv } from '../../lib/csv.ts';
import { packInfo } from '../../data/admin.ts';
import { scopeOf, visibleMembers } from '../../lib/server/scope.ts';

export const prerender = false;

const HEADER = ['Name', 'Email', 'Role', 'Ward or committee', 'Council', 'Status', 'Induction due', 'Started (UK time)', 'Signed at (UK time)', 'Policy version signed', 'Sign-off expires', 'Best assessment score (%)', 'Record ID'];

export const GET: APIRoute = async ({ locals }) => {
  const scope = scopeOf(server().db, locals.admin!.id);
  const packs = await packInfo(scope);
  const rows = withStatus(visibleMembers(scope, listMembers(server().db)), packs)
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || byName(a.name, b.name));
  const csv = toCsv(HEADER, rows.map((r) => [
    r.name, r.email, r.role, r.ward_or_committee, packs.get(r.pack)?.council ?? r.pack, STATUS_LABELS[r.status], csvDate(r.due_date),
    csvTime(r.started_at), csvTime(r.signed_at), r.policy_version, csvDate(r.expiresOn), r.best_score, r.record_id,
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
