/** `GET /admin/report.pdf`: the committee report as a PDF. */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { listMembers } from '../../lib/server/members.ts';
import { withStatus } from '../../lib/server/dashboard.ts';
import { committeeReport, reportPdf } from '../../lib/server/report.ts';
import { packInfo } from '../../data/admin.ts';
import { scopeOf, visibleMembers } from '../../lib/server/scope.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals }) => {
  const scope = scopeOf(server().db, locals.admin!.id);
  const packs = await packInfo(scope);
  const report = committeeReport(withStatus(visibleMembers(scope, listMembers(server().db)), packs), (id) => packs.get(id)?.council ?? id);
  return new Response(new Uint8Array(await reportPdf(report)), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="completion-report-${new Date().toISOString().slice(0, 10)}.pdf"`,
      'cache-control': 'no-store',
    },
  });
};
