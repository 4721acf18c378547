/**
 * Behind a TLS-terminating reverse proxy (security review rows 2, 4 and 22), on servers of their own:
 * - with COURSE_TRUST_PROXY and COURSE_PUBLIC_URL, Chromium signs an admin in and a member signs off
 *   through the proxy over HTTPS, with Secure cookies, and the certificate's link is the public URL
 *   (whatever Host a request names);
 * - without COURSE_TRUST_PROXY the same posts through the proxy are refused (403);
 * - X-Forwarded-For from the trusted proxy keys the sign-in limit per client; from anyone else it is ignored,
 *   and so are forged X-Forwarded-Proto and -Host.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { openDatabase } from '../../src/lib/server/db.ts';
import { createAdmin } from '../../src/lib/server/admins.ts';
import { regenerateLink, saveMember } from '../../src/lib/server/members.ts';
import { answerAssessment, courseFor, perfectProgress } from './server-support.ts';
import { freePort, startServer, stopServer, type Running } from './spawn-server.ts';
import { postFrom, startTlsProxy, type TlsProxy } from './tls-proxy.ts';

test.describe.configure({ mode: 'serial' });

const pack = 'wyre';
const admin = { email: 'mo@example.org', name: 'Monitoring Officer', password: 'a long enough passphrase 1' };
const dir = mkdtempSync(join(tmpdir(), 'proxy-'));
/** Trusts the proxy in front of it; three sign-in posts per client a minute. */
let trusting: { server: Running; proxy: TlsProxy; db: DatabaseSync };
/** The same set-up without COURSE_TRUST_PROXY. */
let untrusting: { server: Running; proxy: TlsProxy };

test.beforeAll(async () => {
  const [a, b] = [await freePort(), await freePort()];
  const server = await startServer(join(dir, 'a.db'), await freePort(), { COURSE_TRUST_PROXY: '::1, 127.0.0.1', COURSE_PUBLIC_URL: `https://localhost:${a}`, COURSE_RATE_LOGIN: '3', COURSE_RATE_ATTEMPT: '3' });
  trusting = { server, proxy: await startTlsProxy(server.base, a), db: openDatabase(join(dir, 'a.db')) };
  await createAdmin(trusting.db, admin, 'test');
  const other = await startServer(join(dir, 'b.db'), await freePort(), { COURSE_PUBLIC_URL: `https://localhost:${b}` });
  untrusting = { server: other, proxy: await startTlsProxy(other.base, b) };
});
test.afterAll(async () => {
  trusting.db.close();
  for (const { server, proxy } of [trusting, untrusting]) {
    await proxy.close();
    await stopServer(server);
  }
  rmSync(dir, { recursive: true, force: true });
});

const signIn = `email=${encodeURIComponent(admin.email)}&password=wrong-password-here`;

test('through a trusted proxy over HTTPS, Chromium signs an admin in, with a Secure session cookie', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: trusting.proxy.url, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto('/admin/login/');
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${trusting.proxy.url}/admin/`);
  const session = (await context.cookies()).find((c) => c.name === 'cc_admin_session')!;
  expect(session.secure).toBe(true);
  await context.close();
});

test('through a trusted proxy, a member signs off in Chromium and the certificate links to the public URL only', async ({ browser }) => {
  test.setTimeout(90_000);
  const { db, proxy, server } = trusting;
  const member = saveMember(db, null, { name: 'Siân Ŵyn Llŷr', email: 'sian@example.org', role: 'councillor', wardOrCommittee: 'Garstang', pack, dueDate: '2030-03-31' }, 'test');
  const token = regenerateLink(db, member, 'test');
  const context = await browser.newContext({ baseURL: proxy.url, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const restored = page.waitForResponse((r) => r.url().endsWith('/api/progress') && r.request().method() === 'GET');
  await page.goto(`/c/${token}/`);
  await page.getByRole('button', { name: /^Continue as / }).click();
  await expect(page).toHaveURL(/\/wyre\/me\/$/);
  await restored;
  expect((await context.cookies()).find((c) => c.name === 'cc_member')!.secure).toBe(true);
  // The lessons done (the course's own tests do them by hand); the assessment and declaration in the browser.
  const lessons = courseFor(pack).lessons.length;
  await page.evaluate(([key, value]) => { localStorage.setItem(key!, value!); dispatchEvent(new CustomEvent('cc-progress-change', { detail: { pack: 'wyre', source: 'element' } })); }, [`cc-progress:${pack}`, JSON.stringify(perfectProgress(courseFor(pack)))]);
  await expect.poll(() => JSON.parse((db.prepare('SELECT progress FROM member_progress WHERE member_id = ?').get(member) as { progress: string } | undefined)?.progress ?? '{"lessons":[]}').lessons.length).toBe(lessons);
  await page.goto(`/${pack}/assessment/`);
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await answerAssessment(page, pack, true);
  await page.locator('[data-next-step]').click();
  await page.getByLabel(/I agree with this declaration/).check();
  await page.getByRole('button', { name: 'Sign the declaration' }).click();
  await expect(page).toHaveURL(/\/certificate\/[0-9a-f-]{36}\/$/);
  const id = /\/certificate\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  const link = `${proxy.url}/verify/${id}/`;
  await expect(page.locator('main')).toContainText(link);

  // The PDF says the same, even asked for directly with a forged Host (row 22).
  const pdf = await fetch(`${server.base}/certificate/${id}.pdf`, { headers: { host: 'evil.example' } });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(await pdf.arrayBuffer()), encoding: 'utf8' });
  expect(text).toContain(link);
  expect(text).not.toContain('evil.example');
  await context.close();
});

test('without COURSE_TRUST_PROXY the same posts through the proxy are refused (403)', async ({ browser }) => {
  const { proxy } = untrusting;
  expect(await postFrom('127.0.0.1', `${proxy.url}/admin/login/`, { origin: proxy.url }, signIn)).toBe(403);
  expect(await postFrom('127.0.0.1', `${proxy.url}/${pack}/assessment/`, { origin: proxy.url }, '')).toBe(403);
  // …and in the browser: the sign-in form is refused.
  const context = await browser.newContext({ baseURL: proxy.url, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto('/admin/login/');
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Sign in' }).click()]);
  expect(answer.status()).toBe(403);
  await context.close();
});

test('forwarded headers from a peer that is not the proxy change nothing: the origin check holds', async () => {
  const { proxy, server } = trusting;
  const forged = { origin: proxy.url, 'x-forwarded-proto': 'https', 'x-forwarded-host': `localhost:${proxy.port}`, 'x-forwarded-for': '198.51.100.1' };
  expect(await postFrom('127.0.0.5', `${server.base}/admin/login/`, forged, signIn)).toBe(403);
  // Through the proxy, the same post is checked (401: wrong password).
  expect(await postFrom('127.0.0.5', `${proxy.url}/admin/login/`, { origin: proxy.url }, signIn)).toBe(401);
});

test('the sign-in limit is per client behind the trusted proxy, and X-Forwarded-For from anyone else is ignored', async () => {
  const { proxy, server } = trusting;
  const viaProxy = (from: string, headers: Record<string, string> = {}) => postFrom(from, `${proxy.url}/admin/login/`, { origin: proxy.url, ...headers }, signIn);
  // Client 127.0.0.2 uses its three; a forged X-Forwarded-For does not give it a fresh allowance (the proxy appends the real peer).
  const two = [await viaProxy('127.0.0.2'), await viaProxy('127.0.0.2'), await viaProxy('127.0.0.2'), await viaProxy('127.0.0.2', { 'x-forwarded-for': '203.0.113.9' })];
  expect(two).toEqual([401, 401, 401, 429]);
  // Client 127.0.0.3, behind the same proxy, has its own.
  expect(await viaProxy('127.0.0.3')).toBe(401);
  // Straight to the server from 127.0.0.6 (not a trusted proxy): every X-Forwarded-For is ignored, one limit.
  // (Starting an attempt with a JSON body: not a form and not the admin area, so the origin check lets it
  // through to the attempt limit; any post to the admin area from elsewhere is refused first, 403.)
  const direct = (n: number) => postFrom('127.0.0.6', `${server.base}/wyre/assessment/`, { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${n}` }, '{}');
  const statuses = [await direct(1), await direct(2), await direct(3), await direct(4)];
  expect(statuses.slice(0, 3)).not.toContain(429);
  expect(statuses[3]).toBe(429);
  expect(await postFrom('127.0.0.6', `${server.base}/admin/login/`, { 'content-type': 'application/json' }, '{}')).toBe(403);
});
