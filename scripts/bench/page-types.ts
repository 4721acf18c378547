/**
 * One page of every type the course serves, for the bench's Lighthouse runs and the layout-shift e2e
 * test: the built pages of one pack (the heaviest lesson with a check, an example from a pack that
 * has them) and the server's pages on data made for the purpose (an attempt, a record, an admin).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { createAdmin } from '../../src/lib/server/admins.ts';
import { attemptIn, passAttempt, postSignOff } from '../../tests/e2e/server-support.ts';
import { builtPages, client, pageJavaScript } from '../lib/pages.ts';

export interface PageType {
  /** What kind of page it is ("lesson with its check"). */
  type: string;
  /** Its address on the server. */
  path: string;
  /** A cookie to send (the admin's session). */
  cookie?: string;
}

const pack = 'wyre';

/** The lesson page (with a check) that costs most: HTML and JavaScript it loads. */
function heaviestLesson(pages: string[], base: string): string {
  const cost = (path: string) => readFileSync(join(base, path, 'index.html')).length + pageJavaScript(path, base).bytes * 4;
  const lessons = pages.filter((p) => p.startsWith(`/${pack}/lessons/`) && pageJavaScript(p, base).quiz);
  return lessons.sort((a, b) => cost(b) - cost(a))[0]!;
}

/** The prerendered page types, from a build's client folder. */
export function builtPageTypes(base: string = client): PageType[] {
  const pages = builtPages(base);
  const example = pages.find((p) => /^\/[^/]+\/examples\/[^/]+\/$/.test(p));
  const scenario = pages.find((p) => p.startsWith(`/${pack}/scenarios/`) && p !== `/${pack}/scenarios/`)!;
  return [
    { type: 'home', path: '/' },
    { type: 'course page', path: `/${pack}/` },
    { type: 'contents', path: `/${pack}/contents/` },
    { type: 'flowchart', path: `/${pack}/flowchart/` },
    { type: 'lesson with its check', path: heaviestLesson(pages, base) },
    ...(example ? [{ type: 'example', path: example }] : []),
    { type: 'scenario', path: scenario },
    { type: 'scenario list', path: `/${pack}/scenarios/` },
  ];
}

const admin = { email: 'bench-pages@example.org', name: 'Page Bench', password: 'a long page-bench password' };

/**
 * The server's page types, on a running server whose database `db` is (an admin is added to it):
 * the assessment (its start and a drawn attempt), sign-off, a certificate, verification, privacy and
 * the signed-in dashboard.
 */
export async function serverPageTypes(base: string, db: DatabaseSync): Promise<PageType[]> {
  await createAdmin(db, admin, 'bench');
  const headers = { origin: base, 'content-type': 'application/x-www-form-urlencoded' };
  const start = await fetch(`${base}/${pack}/assessment/`, { method: 'POST', headers, redirect: 'manual' });
  const open = attemptIn(start.headers.get('location'));
  const passed = await passAttempt(base, pack);
  const signed = await postSignOff(base, pack, await passAttempt(base, pack), 'pagebench0000000000000');
  const record = /\/certificate\/([0-9a-f-]{36})\//.exec(signed.headers.get('location') ?? '')?.[1];
  if (!record) throw new Error(`sign-off for the page bench failed: ${signed.status}`);
  const login = await fetch(`${base}/admin/login/`, { method: 'POST', headers, redirect: 'manual', body: new URLSearchParams({ email: admin.email, password: admin.password }).toString() });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!cookie) throw new Error(`admin sign-in for the page bench failed: ${login.status}`);
  return [
    { type: 'assessment start', path: `/${pack}/assessment/` },
    { type: 'assessment', path: `/${pack}/assessment/${open}/` },
    { type: 'sign-off', path: `/sign-off/?pack=${pack}&attempt=${passed}` },
    { type: 'certificate', path: `/certificate/${record}/` },
    { type: 'verify', path: `/verify/${record}/` },
    { type: 'verify form', path: '/verify/' },
    { type: 'privacy', path: '/privacy/' },
    { type: 'admin dashboard', path: '/admin/', cookie },
  ];
}
