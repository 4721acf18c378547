/** `GET /admin/sample-roster.csv`: a roster to fill in, with the import's header and two example members. */
import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/csv.ts';
import { sampleRoster } from '../../lib/roster.ts';
import { packInfo } from '../../data/admin.ts';

export const prerender = false;

export const GET: APIRoute = async () => {
  const { header, rows } = sampleRoster([...(await packInfo()).keys()]);
  return new Response(toCsv(header, rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="roster-sample.csv"',
      'cache-control': 'no-store',
    },
  });
};
