/** `GET /admin/report.pdf`: the committee report as a PDF. */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { visibleRows } from '../../lib/server/dashboard-query.ts';
import { committeeReport, reportPdf } from '../../lib/server/report.ts';
import { freshStatuses, packInfo } from '../../data/admin.ts';
import { scopeOf } from '../../lib/server/scope.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals }) => {
  const scope = scopeOf(server().db, locals.admin!.id);
  const packs = await packInfo(scope);
  await freshStatuses(server().db);
  const report = committeeReport(visibleRows(server().db, scope), (id) => packs.get(id)?.council ?? id);
  return new Response(new Uint8Array(await reportPdf(report)), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="completion-report-${new Date().toISOString().slice(0, 10)}.pdf"`,
      'cache-control': 'no-store',
    },
  });
};
