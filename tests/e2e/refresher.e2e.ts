/**
 * A member's personal link across devices and policy changes, on servers of its own:
 * - the link opened in a second browser shows the same progress, greets the member and says
 *   progress is saved to their record;
 * - the member signs through the link;
 * - a changed build of the course (one lesson's text and its change note) → the dashboard says
 *   "needs to re-sign" → the link opens the refresher, which lists exactly the changed lesson with
 *   what changed → the member re-signs without redoing the rest, and the record says so;
 * - without a link, the record ID from a certificate opens the refresher too.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { expect, test, type Page } from '@playwright/test';
import { openDatabase } from '../../src/lib/server/db.ts';
import { regenerateLink, saveMember } from '../../src/lib/server/members.ts';
import { createAdmin } from '../../src/lib/server/admins.ts';
import { courseFor, perfectProgress } from '../unit/support/course.ts';
import { buildCourseCopy } from './build-copy.ts';
import { answerAssessment, linkedMember, passAttempt, postSignOff, recordProgress, storedEnvelope } from './server-support.ts';
import { freePort, startServer, stopServer, withOwnServer, type Running } from './spawn-server.ts';
import { expectNoAxeViolations } from './support.ts';

const root = join(import.meta.dirname, '..', '..');
const work = join(root, 'reports', 'e2e-refresher');
const pack = 'wyre';
const changed = 'wyre/modules/04-libel';
const changeNote = 'Now says that a comment you have been told about is your responsibility from that moment.';

/** Builds a copy of the course with one lesson's text changed, into its own folder; returns its server entry. */
function buildChangedCourse(): string {
  const copy = join(work, 'course');
  for (const dir of ['content', 'quizzes']) cpSync(join(root, dir), join(copy, dir), { recursive: true });
  const file = join(copy, 'content', changed.replace('/modules/', '/modules/'), 'index.mdx');
  const text = readFileSync(file, 'utf8')
    // The lesson's own note (whatever it says today) gives way to this test's.
    .replace(/^changes: .*\n/m, '')
    .replace(/^rules: .*$/m, (line) => `${line}\nchanges: "${changeNote}"`)
    .replace(/\n## In practice/, '\nOnce someone tells you about a libellous comment on your page, you know it is there: act then.\n\n## In practice');
  writeFileSync(file, text);
  return buildCourseCopy(copy, join(work, 'dist'));
}

/** A server of its own on a fresh database, for `use`; stopped afterwards. */
const ownServer = (name: string, use: (server: Running, db: DatabaseSync) => Promise<void>) => withOwnServer(join(work, name), use);

/** Opens a personal link and continues as its member. */
async function openLink(page: Page, token: string): Promise<void> {
  await page.goto(`/c/${token}/`);
  await page.getByRole('button', { name: /^Continue as / }).click();
  await expect(page).toHaveURL(/\/wyre\/me\/$/);
}

async function signThroughLink(page: Page): Promise<string> {
  await page.goto(`/${pack}/assessment/`);
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await answerAssessment(page, pack, true);
  await page.locator('[data-next-step]').click();
  await expect(page.locator('[data-item="lessons"]')).toHaveClass(/cc-checklist--done/);
  await page.getByLabel(/I agree with this declaration/).check();
  await page.getByRole('button', { name: 'Sign the declaration' }).click();
  await expect(page).toHaveURL(/\/certificate\/[0-9a-f-]{36}\/$/);
  return /\/certificate\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
}

test('a personal link resumes on any device, signs, and after a lesson changes opens the refresher', async ({ browser }) => {
  test.setTimeout(300_000);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const dbPath = join(work, 'course.db');
  let server: Running | undefined = await startServer(dbPath, await freePort());
  const db = openDatabase(dbPath);
  const memberId = saveMember(db, null, { name: 'Siân Ŵyn Llŷr', email: 'sian@example.org', role: 'councillor', wardOrCommittee: 'Garstang', pack, dueDate: '2030-03-31' }, 'test');
  const token = regenerateLink(db, memberId, 'test');
  await createAdmin(db, { email: 'mo@example.org', name: 'Monitoring Officer', password: 'a long enough passphrase 1' }, 'test');
  const course = courseFor(pack);

  try {
    // Device A: the link greets the member, and their progress goes to their record.
    const a = await browser.newContext({ baseURL: server.base });
    const pageA = await a.newPage();
    // The page restores from the record first; reports start once that is done.
    const restored = pageA.waitForResponse((r) => r.url().endsWith('/api/progress') && r.request().method() === 'GET');
    await openLink(pageA, token);
    await restored;
    await expect(pageA.locator('h1')).toHaveText('Welcome, Siân Ŵyn Llŷr');
    await expect(pageA.locator('main')).toContainText('Your progress is saved to your record');
    await expect(pageA.locator('main')).toContainText('31 March 2030');
    await expectNoAxeViolations(pageA);
    // Everything but the assessment done on device A (the islands' own tests cover doing it by hand).
    const done = perfectProgress(course);
    await pageA.evaluate(([key, value]) => { localStorage.setItem(key!, value!); dispatchEvent(new CustomEvent('cc-progress-change', { detail: { pack: 'wyre', source: 'element' } })); }, [`cc-progress:${pack}`, JSON.stringify(done)]);
    const heldLessons = () => JSON.parse((db.prepare('SELECT progress FROM member_progress WHERE member_id = ?').get(memberId) as { progress: string } | undefined)?.progress ?? '{"lessons":[]}').lessons.length;
    await expect.poll(heldLessons).toBe(course.lessons.length);
    await pageA.reload();
    const box = pageA.locator('cc-progress');
    await expect(box.locator('[data-field="lessons"]')).toHaveText(`${course.lessons.length} of ${course.lessons.length}`);

    // Device B: the same link shows the same progress.
    const b = await browser.newContext({ baseURL: server.base });
    const pageB = await b.newPage();
    await openLink(pageB, token);
    const boxB = pageB.locator('cc-progress');
    for (const field of ['lessons', 'questions', 'scenarios', 'left', 'route']) {
      await expect(boxB.locator(`[data-field="${field}"]`)).toHaveText((await box.locator(`[data-field="${field}"]`).textContent())!);
    }
    await expect(boxB.locator('[data-field="left"]')).toHaveText('about 4 minutes left');
    await expect(boxB.locator('[data-field="next"]')).toHaveText('the final assessment');

    // Sign on device B.
    const first = await signThroughLink(pageB);
    await stopServer(server);
    server = undefined;

    // A new build in which one lesson's words changed.
    const entry = buildChangedCourse();
    server = await startServer(dbPath, await freePort(), {}, entry);
    const admin = await browser.newContext({ baseURL: server.base });
    const mo = await admin.newPage();
    await mo.goto('/admin/login/');
    await mo.getByLabel('Email address').fill('mo@example.org');
    await mo.getByLabel('Password').fill('a long enough passphrase 1');
    await mo.getByRole('button', { name: 'Sign in' }).click();
    await expect(mo.locator('[data-members] tbody tr', { hasText: 'Siân Ŵyn Llŷr' })).toContainText('Needs to re-sign');

    // The link now opens the refresher: what changed, exactly the changed lesson, then the short route.
    const c = await browser.newContext({ baseURL: server.base });
    const pageC = await c.newPage();
    await openLink(pageC, token);
    await expect(pageC.getByRole('heading', { name: 'What changed since you signed' })).toBeVisible();
    const items = pageC.locator('[data-changes] > li');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText('Libel');
    await expect(items.first()).toContainText(changeNote);
    await expect(pageC.getByRole('heading', { name: /Your refresher: about \d+ minutes/ })).toBeVisible();
    await expectNoAxeViolations(pageC);
    const boxC = pageC.locator('cc-progress');
    await expect(boxC.locator('[data-field="route"]')).toHaveText('refresher');
    await expect(boxC.locator('[data-field="lessons"]')).toHaveText('0 of 1');

    // Read the changed lesson to its end and answer its check; play the refresher's scenarios.
    await items.first().getByRole('link').click();
    await pageC.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
    await expect(pageC.locator('cc-progress [data-field="lessons"]')).toHaveText('1 of 1');
    const question = course.checks[changed]!.find((q) => !q.practice)!;
    const form = pageC.locator('#check form').first();
    for (const [i, o] of question.options.entries()) if (o.correct) await form.locator('input').nth(i).check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect(pageC.locator('cc-progress [data-field="questions"]')).toHaveText('1 of 1');
    const refresher = perfectProgress(course);
    const stored = JSON.parse(await pageC.evaluate((k) => localStorage.getItem(k)!, `cc-progress:${pack}`));
    const pack_ = await pageC.evaluate(() => fetch('/wyre/route.json').then((r) => r.json()));
    for (const s of pack_.routes.refresher.scenarios as { id: string }[]) stored.scenarios[s.id] = refresher.scenarios[s.id];
    await pageC.evaluate(([key, value]) => { localStorage.setItem(key!, value!); dispatchEvent(new CustomEvent('cc-progress-change', { detail: { pack: 'wyre', source: 'element' } })); }, [`cc-progress:${pack}`, JSON.stringify(stored)]);
    await expect(pageC.locator('cc-progress [data-field="next"]')).toHaveText('the final assessment');

    const second = await signThroughLink(pageC);
    const record = storedEnvelope(second, db);
    expect(record.record.route).toEqual({ kind: 'refresher', previousRecord: first, lessons: [changed] });
    expect(record.record.scores.lessons.visited).toBe(1);
    await mo.reload();
    await expect(mo.locator('[data-members] tbody tr', { hasText: 'Siân Ŵyn Llŷr' })).not.toContainText('Needs to re-sign');
  } finally {
    db.close();
    if (server) await stopServer(server);
  }
});

test('without a personal link, the record ID from a certificate opens the refresher: nothing changed, so scenarios and the assessment', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL!;
  const first = await postSignOff(base, pack, await passAttempt(base, pack), randomUUID().replace(/-/g, '').slice(0, 22), 'Zoë Brontë-Ó Dálaigh');
  expect(first.status).toBe(303);
  const recordId = /\/certificate\/([0-9a-f-]{36})\//.exec(first.headers.get('location') ?? '')![1]!;

  await page.goto(`/${pack}/me/`);
  await page.getByLabel('Your record ID').fill(recordId);
  await page.getByRole('button', { name: 'Show my refresher' }).click();
  await expect(page.getByRole('heading', { name: 'What changed since you signed' })).toBeVisible();
  await expect(page.locator('main')).toContainText('Nothing in the course\'s lessons has changed since you signed');
  // Signed today, nothing changed: nothing is due, though the refresher can be taken early.
  await expect(page.getByRole('heading', { name: 'You are up to date' })).toBeVisible();
  const published = await (await page.request.get(`/${pack}/route.json`)).json();
  await expect(page.getByRole('heading', { name: `Your refresher: about ${published.routes.refresher.minutes} minutes` })).toBeVisible();
  const box = page.locator('cc-progress');
  await expect(box.locator('[data-field="route"]')).toHaveText('refresher');
  await expect(box.locator('[data-field="lessons"]')).toHaveText('0 of 0');
  await expect(box.locator('[data-field="scenarios"]')).toHaveText(`0 of ${published.routes.refresher.scenarios.length}`);
  await expectNoAxeViolations(page);

  // The refresher's scenarios done in this browser, then the assessment: sign-off signs a refresher.
  const done = perfectProgress(courseFor(pack));
  const refresher = { ...done, lessons: [], checks: {}, scenarios: Object.fromEntries(published.routes.refresher.scenarios.map((s: { id: string }) => [s.id, done.scenarios[s.id]])) };
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [`cc-progress:${pack}`, JSON.stringify(refresher)]);
  await page.goto(`/${pack}/assessment/`);
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await answerAssessment(page, pack, true);
  await page.locator('[data-next-step]').click();
  await expect(page).toHaveURL(new RegExp(`previous=${recordId}`));
  await expect(page.locator('main')).toContainText('You are taking the refresher');
  // A refresher is for the person on the record it refreshes: another name is refused.
  await page.getByLabel('Full name').fill('Someone Else');
  await page.getByLabel('Councillor', { exact: true }).check();
  await page.getByLabel('Ward or committee').fill('Garstang');
  await page.getByLabel(/I agree with this declaration/).check();
  await page.getByRole('button', { name: 'Sign the declaration' }).click();
  await expect(page.locator('.cc-error-summary')).toContainText('not the name on the record you are refreshing');
  await page.getByLabel('Full name').fill('zoë brontë-ó dálaigh');
  await page.getByLabel(/I agree with this declaration/).check();
  await page.getByRole('button', { name: 'Sign the declaration' }).click();
  await expect(page).toHaveURL(/\/certificate\/[0-9a-f-]{36}\/$/);
  const second = /\/certificate\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  const record = storedEnvelope(second);
  expect(record.record.route).toEqual({ kind: 'refresher', previousRecord: recordId, lessons: [] });
});

test('a personal link signs no one in by being opened; continuing lasts 30 days; "Not you?" forgets it on this browser', async ({ browser }) => ownServer('leave', async (server, db) => {
    const token = linkedMember(db, 'Alice Ng', 'alice@example.org', pack);

    // Opening the link (as another site could make a visitor do) sets no cookie.
    const opened = await fetch(`${server.base}/c/${token}/`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('set-cookie')).toBeNull();
    // A cross-site post to continue is refused.
    const forged = await fetch(`${server.base}/c/${token}/`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(forged.status).toBe(403);

    const context = await browser.newContext({ baseURL: server.base });
    const page = await context.newPage();
    await page.goto(`/c/${token}/`);
    await expect(page.locator('main')).toContainText('This is the personal course link for Alice Ng');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Continue as Alice Ng' }).click();
    await expect(page.locator('h1')).toHaveText('Welcome, Alice Ng');
    const cookies = await context.cookies();
    const member = cookies.find((c) => c.name === 'cc_member')!;
    expect(member.httpOnly).toBe(true);
    expect(member.expires * 1000 - Date.now()).toBeLessThanOrEqual(30 * 86_400_000 + 60_000);
    expect(member.expires * 1000 - Date.now()).toBeGreaterThan(29 * 86_400_000);

    await page.getByRole('button', { name: 'Not Alice Ng? Leave this course on this device' }).click();
    await expect(page).toHaveURL(`${server.base}/${pack}/`);
    expect((await context.cookies()).filter((c) => c.name.startsWith('cc_member'))).toEqual([]);
    await page.goto(`/${pack}/me/`);
    await expect(page.locator('h1')).toHaveText('Your route through the course');
    await context.close();
}));

test('a pass belongs to whoever took it: not to another member, and not across a personal link (security review row 5)', async () => ownServer('pass', async (server, db) => {
    const alice = `cc_member=${linkedMember(db, 'Alice Ng', 'alice@example.org', pack)}`;
    const bob = `cc_member=${linkedMember(db, 'Bob Hale', 'bob@example.org', pack)}`;
    const submission = () => randomUUID().replace(/-/g, '').slice(0, 22);
    const alicesPass = await passAttempt(server.base, pack, alice);
    const anonymousPass = await passAttempt(server.base, pack);

    expect((await postSignOff(server.base, pack, alicesPass, submission(), 'Bob Hale', bob)).status).toBe(403);
    expect((await postSignOff(server.base, pack, alicesPass, submission(), 'Alice Ng')).status).toBe(403);
    expect((await postSignOff(server.base, pack, anonymousPass, submission(), 'Bob Hale', bob)).status).toBe(403);
    expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 0 });
    // Alice's own pass, through her own link, signs, once her progress is on her record (row 9).
    await recordProgress(server.base, pack, alice);
    expect((await postSignOff(server.base, pack, alicesPass, submission(), 'Alice Ng', alice)).status).toBe(303);
    expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 1 });
}));
