/**
 * `POST /admin/links.csv` (scope=missing or all): makes personal course links and downloads them as a
 * mail-merge CSV (name, email, course, link). Links are stored only as hashes, so this is the one
 * time they can be copied; making a new link for a member stops their old one working. So "all" asks
 * first: without `confirm=yes` it redirects to /admin/new-links/, which says what will happen.
 */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { listMembers, regenerateLink } from '../../lib/server/members.ts';
import { toCsv } from '../../lib/csv.ts';
import { HttpError, jsonError, publicOrigin, readForm } from '../../lib/server/http.ts';
import { packInfo } from '../../data/admin.ts';
import { scopeOf, visibleMembers } from '../../lib/server/scope.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, locals, redirect }) => {
  let scope: string | null;
  try {
    const form = await readForm(request, 1024);
    scope = form.get('scope');
    if (scope !== 'missing' && scope !== 'all') throw new HttpError(400, 'Choose which members to make links for: missing or all.');
    if (scope === 'all' && form.get('confirm') !== 'yes') return redirect('/admin/new-links/', 303);
  } catch (error) {
    return jsonError(error);
  }
  const { db } = server();
  const seen = scopeOf(db, locals.admin!.id);
  const packs = await packInfo(seen);
  const origin = publicOrigin();
  const members = visibleMembers(seen, listMembers(db)).filter((m) => scope === 'all' || m.link_created_at === null);
  const rows = members.map((m) => [m.name, m.email, packs.get(m.pack)?.council ?? m.pack, `${origin}/c/${regenerateLink(db, m.id, locals.admin!.email)}/`]);
  return new Response(toCsv(['Name', 'Email', 'Course', 'Personal course link'], rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="course-links-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
