/**
 * `POST /admin/links.csv`: personal course links as a mail-merge CSV (name, email, course, link), for
 * the admin's own packs. scope=missing: members with no link yet; scope=all: everyone's current link
 * (the same links as before: exporting breaks none, see links.ts); scope=new: a new link for
 * everyone, so every old link stops working, which asks first: without `confirm=yes` it redirects to
 * /admin/new-links/, which says what will happen.
 */
import type { APIRoute } from 'astro';
import { server } from '../../lib/server/context.ts';
import { listMembers, regenerateLink } from '../../lib/server/members.ts';
import { currentLink } from '../../lib/server/links.ts';
import { transaction } from '../../lib/server/db.ts';
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
    if (scope !== 'missing' && scope !== 'all' && scope !== 'new') throw new HttpError(400, 'Choose which links to download: missing, all or new.');
    if (scope === 'new' && form.get('confirm') !== 'yes') return redirect('/admin/new-links/', 303);
  } catch (error) {
    return jsonError(error);
  }
  const { db } = server();
  const seen = scopeOf(db, locals.admin!.id);
  const packs = await packInfo(seen);
  const origin = publicOrigin();
  const members = visibleMembers(seen, listMembers(db)).filter((m) => scope !== 'missing' || m.link_created_at === null);
  const link = (id: number) => (scope === 'new' ? regenerateLink(db, id, locals.admin!.email) : currentLink(db, id)!);
  // One transaction: one write to disk for all the links, not one per member.
  const rows = transaction(db, () => members.map((m) => [m.name, m.email, packs.get(m.pack)?.council ?? m.pack, `${origin}/c/${link(m.id)}/`]));
  return new Response(toCsv(['Name', 'Email', 'Course', 'Personal course link'], rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="course-links-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
