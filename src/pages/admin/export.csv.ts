/**
 * `GET /admin/export.csv`: the completion register for the Standards Committee, one row per member,
 * streamed as it is read (register-csv.ts). UTF-8 with a byte-order mark; dates as YYYY-MM-DD and
 * times as UK local "YYYY-MM-DD HH:MM", which a spreadsheet reads as dates and sorts; every cell that
 * could start a formula, or be misread as a date or number ("November 2017"), kept as text (csv.ts).
 */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { freshStatuses, packInfo } from '../../data/admin.ts';
import { scopeOf } from '../../lib/server/scope.ts';
import { registerStream } from '../../lib/server/register-csv.ts';

export const prerender = false;

export const GET: APIRoute = async ({ locals }) => {
  const { db } = server();
  const scope = scopeOf(db, locals.admin!.id);
  const packs = await packInfo(scope);
  await freshStatuses(db);
  const today = new Date().toISOString().slice(0, 10);
  return new Response(registerStream(db, scope, (pack) => packs.get(pack)?.council ?? pack), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="completion-register-${today}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
