/**
 * Issue 15, items 2 and 3, on servers of their own: an admin limited to Wyre sees nothing of
 * Ashfield; no admin page names a question, lesson or scenario by its ID alone; the audit page's
 * filters; inviting, resetting and disabling colleagues; COURSE_PACKS serving one council.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { createAdmin } from '../../src/lib/server/admins.ts';
import { setAdminPacks } from '../../src/lib/server/scope.ts';
import { audit } from '../../src/lib/server/audit.ts';
import { saveMember } from '../../src/lib/server/members.ts';
import { bankOf, courseFor, linkedMember, passAttempt, postSignOff, recordProgress } from './server-support.ts';
import { withOwnServer, type Running } from './spawn-server.ts';
import { expectNoAxeViolations } from './support.ts';

const work = join(import.meta.dirname, '..', '..', 'reports', 'e2e-admin-scope');
const password = 'correct horse battery staple';
const submission = () => randomUUID().replace(/-/g, '').slice(0, 22);

test.describe.configure({ mode: 'serial' });

interface Data { wyre: number; ash: number; record: string }

/** Two admins (one limited to Wyre), a Wyre member who did everything and signed, an Ashfield member who did the course. */
async function seed(server: Running, db: DatabaseSync): Promise<Data> {
  await createAdmin(db, { email: 'mo@example.org', name: 'Morag Officer', password }, 'test');
  setAdminPacks(db, await createAdmin(db, { email: 'wyre@example.org', name: 'Wyn Wyre', password }, 'test'), ['wyre']);
  const wyreCookie = `cc_member=${linkedMember(db, 'Wendy Wyre', 'wendy@example.org', 'wyre')}`;
  await recordProgress(server.base, 'wyre', wyreCookie);
  const signed = await postSignOff(server.base, 'wyre', await passAttempt(server.base, 'wyre', wyreCookie), submission(), 'Wendy Wyre', wyreCookie);
  expect(signed.status).toBe(303);
  const ashCookie = `cc_member=${linkedMember(db, 'Ashley Ashworth', 'ashley@example.org', 'ashfield')}`;
  db.prepare("UPDATE members SET ward_or_committee = 'Kirkby Quarry Ward' WHERE email = 'ashley@example.org'").run();
  await recordProgress(server.base, 'ashfield', ashCookie);
  await passAttempt(server.base, 'ashfield', ashCookie);
  const id = (email: string) => (db.prepare('SELECT id FROM members WHERE email = ?').get(email) as { id: number }).id;
  return { wyre: id('wendy@example.org'), ash: id('ashley@example.org'), record: /\/certificate\/([^/]+)\//.exec(signed.headers.get('location')!)![1]! };
}

async function signIn(page: Page, base: string, email: string, pass = password) {
  await page.goto(`${base}/admin/login/`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(pass);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('h1')).toHaveText('Members');
}

test('an admin limited to Wyre sees no Ashfield member, count, ward, record, audit entry or export row', async ({ page }) => {
  test.setTimeout(120_000);
  await withOwnServer(join(work, 'limited'), async (server, db) => {
    const data = await seed(server, db);
    const base = server.base;
    await signIn(page, base, 'wyre@example.org');
    const ashfield = /Ashfield|Ashley|Ashworth|ashley@example\.org|Kirkby Quarry/;
    const main = page.locator('main');
    await expect(main).toContainText('Wendy Wyre');
    expect(await main.innerText()).not.toMatch(ashfield);
    await expect(page.locator('.cc-counts strong')).not.toHaveCount(0);
    for (const path of ['/admin/report/', '/admin/analytics/', '/admin/audit/', '/admin/members/new/', '/admin/import/']) {
      await page.goto(`${base}${path}`);
      expect(await main.innerText(), path).not.toMatch(ashfield);
    }
    // Another pack's member and their export are not found, even by URL.
    expect((await page.goto(`${base}/admin/members/${data.ash}/`))!.status()).toBe(404);
    expect((await page.request.get(`${base}/admin/members/${data.ash}/export.json`)).status()).toBe(404);
    expect((await page.request.get(`${base}/admin/members/${data.wyre}/export.json`)).status()).toBe(200);
    const rows: string[][] = parse((await (await page.request.get(`${base}/admin/export.csv`)).body()).toString('utf8'), { bom: true });
    expect(rows.slice(1).map((r) => r[1])).toEqual(['wendy@example.org']);
    expect(rows.flat().join(' ')).not.toMatch(ashfield);
    const pdf = await page.request.get(`${base}/admin/report.pdf`);
    expect(pdf.status()).toBe(200);
    // People who can sign in is for an admin who sees every course.
    expect((await page.goto(`${base}/admin/people/`))!.status()).toBe(403);
    // The same pages, for an admin who sees every course, do show Ashfield: the test would notice a page that showed nothing.
    await page.context().clearCookies();
    await signIn(page, base, 'mo@example.org');
    await expect(main).toContainText('Ashley Ashworth');
    await expect(main).toContainText('Kirkby Quarry Ward');
  });
});

test('no admin page names a question, lesson or scenario by its ID alone; the export names the options chosen', async ({ page }) => {
  test.setTimeout(180_000);
  await withOwnServer(join(work, 'readable'), async (server, db) => {
    const data = await seed(server, db);
    const base = server.base;
    const ids = new Set<string>();
    for (const pack of ['wyre', 'ashfield']) {
      const course = courseFor(pack);
      for (const l of course.lessons) ids.add(l);
      for (const s of course.scenarios) ids.add(s.id);
      for (const q of Object.values(course.checks).flat()) ids.add(q.id);
      for (const q of bankOf(pack)) ids.add(q.id);
      for (const node of course.graph?.byId.keys() ?? []) if (/^[qo]-/.test(node)) ids.add(node); // (not "start", a word)
    }
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const bare = new RegExp(`(?<![\\w/-])(${[...ids].map(escape).join('|')})(?![\\w-])|#reply|"selected"`);
    await signIn(page, base, 'mo@example.org');
    await page.goto(`${base}/admin/analytics/`);
    const questionPages = await page.locator('[data-analytics] a').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).pathname))]);
    expect(questionPages.some((p) => p.startsWith('/admin/questions/'))).toBe(true);
    const pages = ['/admin/', '/admin/analytics/', `/admin/members/${data.wyre}/`, `/admin/members/${data.ash}/`, `/admin/records/${data.record}/`, '/admin/audit/', '/admin/people/', '/admin/report/',
      // A sample of the questions linked (there are dozens): each kind of page is the same template.
      ...questionPages.filter((p) => p.startsWith('/admin/')).slice(0, 8)];
    for (const path of pages) {
      const response = await page.goto(`${base}${path}`);
      expect(response!.status(), path).toBe(200);
      const text = await page.locator('main').innerText();
      expect(bare.exec(text)?.[0], `${path} shows an internal ID`).toBeUndefined();
      expect(text, path).not.toContain('(removed from the course)');
    }
    // The member page names what they did: a check question's text, a lesson's title.
    await page.goto(`${base}/admin/members/${data.wyre}/`);
    const course = courseFor('wyre');
    const question = Object.values(course.checks).flat()[0]!;
    await expect(page.locator('main')).toContainText(question.prompt.slice(0, 40));
    // The subject-access export keeps the record as signed and names every option chosen beside it.
    const exported = await (await page.request.get(`${base}/admin/members/${data.wyre}/export.json`)).json();
    expect(exported.member.course).toBe('Wyre Council');
    const [record] = exported.signedRecords;
    expect(record.record.assessment.answers[0].selected).toEqual(expect.any(Array));
    const bank = bankOf('wyre');
    for (const answer of record.inWords.assessment) {
      const q = bank.find((b) => b.id === answer.question)!;
      expect(answer.text).toBe(q.prompt);
      expect(answer.chosen.every((c: string) => q.options.some((o) => o.text === c))).toBe(true);
    }
    expect(record.inWords.knowledgeChecks.length).toBeGreaterThan(0);
    expect(exported.progressEvents.every((e: { about: string }) => !/removed from the course/.test(e.about))).toBe(true);
  });
});

test('the audit page filters by member, action and date, pages 50 at a time, passes axe and works from the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await withOwnServer(join(work, 'audit'), async (server, db) => {
    const data = await seed(server, db);
    for (let i = 0; i < 60; i++) audit(db, 'mo@example.org', 'logout', 'mo@example.org', {}, new Date('2026-01-15T12:00:00Z'));
    const base = server.base;
    await signIn(page, base, 'mo@example.org');
    await page.goto(`${base}/admin/audit/`);
    await expectNoAxeViolations(page);
    await expect(page.locator('[data-audit] tbody tr')).toHaveCount(50);
    await page.getByRole('link', { name: 'Older entries' }).click();
    await expect(page.locator('[data-audit-count]')).toContainText('page 2 of');
    // Keyboard only: type a member's name, press Enter.
    await page.goto(`${base}/admin/audit/`);
    await page.getByLabel('Member\'s name or email').focus();
    await page.keyboard.type('Wendy');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-audit-count]')).toContainText('1 member matches');
    const about = await page.locator('[data-audit] tbody tr td:nth-child(4)').allInnerTexts();
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((t) => t === 'Wendy Wyre' || t.startsWith('Record '))).toBe(true);
    await page.goto(`${base}/admin/audit/`);
    await page.getByLabel('Action').selectOption({ label: 'Signed the declaration' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.locator('[data-audit] tbody tr')).toHaveCount(1);
    await expect(page.locator('[data-audit] tbody tr th')).toHaveText('Signed the declaration');
    await expect(page.locator('[data-audit] tbody tr')).toContainText('Wendy Wyre (through their personal link)');
    // A date range: the 60 sign-outs were on 15 January 2026.
    await page.goto(`${base}/admin/audit/?from=2026-01-15&to=2026-01-15`);
    await expect(page.locator('[data-audit-count]')).toContainText('60 entries');
    const bad = await page.goto(`${base}/admin/audit/?from=15%2F01%2F2026`);
    expect(bad!.status()).toBe(400);
    await expect(page.locator('.cc-error-summary')).toContainText('Enter the "from" date as a date');
    await expectNoAxeViolations(page);
    expect(data.wyre).toBeGreaterThan(0);
  });
});

test('an admin invites a colleague limited to Wyre, who sets a password and signs in; reset and disable end their access', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await withOwnServer(join(work, 'people'), async (server, db) => {
    await seed(server, db);
    const base = server.base;
    await signIn(page, base, 'mo@example.org');
    await page.goto(`${base}/admin/people/`);
    await expectNoAxeViolations(page);
    // Nobody is offered disabling their own account.
    await expect(page.getByRole('button', { name: 'Disable Morag Officer\'s account' })).toHaveCount(0);
    // Invite, from the keyboard.
    await page.getByLabel('Their name').focus();
    await page.keyboard.type('Dee Puty');
    await page.keyboard.press('Tab');
    await page.keyboard.type('dee@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the second course listed: Wyre (councils in name order: Ashfield, Wyre)
    await page.getByRole('button', { name: 'Invite' }).focus();
    await page.keyboard.press('Enter');
    const link = await page.locator('[data-link]').inputValue();
    expect(link).toMatch(/\/admin\/setup\/[A-Za-z0-9_-]{43}\/$/);
    await expectNoAxeViolations(page);
    await expect(page.locator('[data-account="dee@example.org"]')).toContainText('Wyre');
    await expect(page.locator('[data-account="dee@example.org"] [data-state]')).toContainText('has not set a password');
    expect((db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'admin-create' AND subject = 'dee@example.org'").get() as { n: number }).n).toBe(1);

    const context = await browser.newContext();
    const dee = await context.newPage();
    await dee.goto(link.replace(/^https?:\/\/[^/]+/, base));
    await expect(dee.locator('h1')).toHaveText('Set your password');
    await expectNoAxeViolations(dee);
    await dee.getByLabel('Password', { exact: true }).fill('heron lantern quarry');
    await dee.getByLabel('Password again').fill('heron lantern quarry');
    await dee.getByRole('button', { name: 'Set the password and sign in' }).click();
    await expect(dee.locator('h1')).toHaveText('Members');
    expect(await dee.locator('main').innerText()).not.toMatch(/Ashfield|Ashley/);
    // The link worked once.
    expect((await dee.goto(link.replace(/^https?:\/\/[^/]+/, base)))!.status()).toBe(404);

    // A reset: a new link, and the old password and session stop working.
    await page.goto(`${base}/admin/people/`);
    await page.getByRole('button', { name: 'Reset Dee Puty\'s password' }).click();
    await expect(page.locator('[data-issued]')).toContainText('their old password no longer works');
    expect((await dee.goto(`${base}/admin/`))!.url()).toContain('/admin/login/');
    const again = await page.locator('[data-link]').inputValue();
    await dee.goto(again.replace(/^https?:\/\/[^/]+/, base));
    await dee.getByLabel('Password', { exact: true }).fill('tide pools at fleetwood');
    await dee.getByLabel('Password again').fill('tide pools at fleetwood');
    await dee.getByRole('button', { name: 'Set the password and sign in' }).click();
    await expect(dee.locator('h1')).toHaveText('Members');

    // Disable: the session ends at once and sign-in is refused.
    await page.goto(`${base}/admin/people/`);
    await page.getByRole('button', { name: 'Disable Dee Puty\'s account' }).click();
    await expect(page.locator('[data-done]')).toContainText('disabled');
    expect((await dee.goto(`${base}/admin/`))!.url()).toContain('/admin/login/');
    await dee.getByLabel('Email address').fill('dee@example.org');
    await dee.getByLabel('Password').fill('tide pools at fleetwood');
    await dee.getByRole('button', { name: 'Sign in' }).click();
    await expect(dee.locator('.cc-error-summary')).toBeVisible();
    const actions = (db.prepare("SELECT action FROM audit_log WHERE subject = 'dee@example.org' ORDER BY id").all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['admin-create', 'admin-password-set', 'admin-reset', 'admin-password-set', 'admin-disable']);
    await context.close();
  });
});

test('COURSE_PACKS=wyre serves only Wyre: the home page offers it alone, Ashfield\'s pages 404 and its sign-off is refused', async ({ page }) => {
  test.setTimeout(120_000);
  await withOwnServer(join(work, 'served'), async (server, db) => {
    const base = server.base;
    await page.goto(`${base}/`);
    const cards = page.locator('.cc-cards h3');
    await expect(cards).toHaveText([/Wyre/]);
    for (const path of ['/ashfield/', '/ashfield/contents/', '/ashfield/flowchart/', '/scorm/ashfield/', '/ashfield/assessment/']) {
      expect((await page.request.get(`${base}${path}`)).status(), path).toBe(404);
    }
    expect((await page.request.get(`${base}/wyre/`)).status()).toBe(200);
    const refused = await postSignOff(base, 'ashfield', 'x'.repeat(22), submission());
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('There is no course called &quot;ashfield&quot;');
    // An admin who sees every course sees only the served one.
    await createAdmin(db, { email: 'mo@example.org', name: 'Morag Officer', password }, 'test');
    saveMember(db, null, { name: 'Ashley Ashworth', email: 'ashley@example.org', role: 'councillor', wardOrCommittee: 'Kirkby', pack: 'ashfield', dueDate: '2030-01-31' }, 'test');
    await signIn(page, base, 'mo@example.org');
    expect(await page.locator('main').innerText()).not.toMatch(/Ashfield|Ashley/);
  }, { COURSE_PACKS: 'wyre' });
});
