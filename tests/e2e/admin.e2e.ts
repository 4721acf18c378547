/**
 * The Monitoring Officer's dashboard over HTTP and in the browser: nothing without a session,
 * cross-origin posts refused, cookie flags, roster import (all or nothing, 2,000 members), the
 * register CSV read back with a CSV parser, revocation, and, last, the lockout on the sixth bad password.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { e2eDatabase } from '../../playwright.config.ts';
import { expectNoAxeViolations } from './support.ts';
import { courseFor, perfectProgress, query, takeAssessment } from './server-support.ts';
import { randomBytes } from 'node:crypto';

const root = join(import.meta.dirname, '..', '..');
const email = 'mo@example.org';
const password = 'correct horse battery staple';

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'admin.ts'), 'create', '--email', email, '--name', 'Morag Officer'], {
    env: { ...process.env, COURSE_DB: join(root, e2eDatabase), ADMIN_PASSWORD: password }, stdio: 'pipe',
  });
});

const form = (baseURL: string) => ({ origin: baseURL, 'content-type': 'application/x-www-form-urlencoded' });

async function signIn(request: APIRequestContext, baseURL: string) {
  const response = await request.post('/admin/login/', { headers: form(baseURL), data: new URLSearchParams({ email, password }).toString(), maxRedirects: 0 });
  expect(response.status()).toBe(303);
  return response;
}

const pages = ['/admin/', '/admin/import/', '/admin/analytics/', '/admin/report/', '/admin/members/1/', '/admin/members/new/'];
// (/privacy/ is public: it is linked from every form that collects personal data.)
const endpoints: [string, string][] = [['GET', '/admin/export.csv'], ['GET', '/admin/report.pdf'], ['POST', '/admin/links.csv'], ['GET', '/admin/members/1/export.json'], ['POST', '/admin/import/'], ['POST', '/admin/members/1/'], ['POST', '/admin/logout/']];

test('without a session every admin page redirects to sign-in, every export answers 401, and a form post goes to sign-in with what was sent kept', async ({ request, baseURL }) => {
  for (const path of pages) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(303);
    expect(response.headers().location, path).toMatch(/^\/admin\/login\/\?next=/);
  }
  for (const [method, path] of endpoints) {
    const response = await request.fetch(path, { method, headers: form(baseURL!), data: method === 'POST' ? 'x=1' : undefined, maxRedirects: 0 });
    if (method === 'GET') expect(response.status(), `${method} ${path}`).toBe(401);
    else {
      // A form sent after the session ended (accessibility review F1): never a raw 401, nothing lost.
      expect(response.status(), `${method} ${path}`).toBe(303);
      expect(response.headers().location, path).toMatch(path === '/admin/logout/' ? /^\/admin\/login\/\?next=%2Fadmin%2F$/ : /^\/admin\/login\/\?next=[^&]+&held=[A-Za-z0-9_-]{24}$/);
    }
  }
  const script = await request.post('/admin/members/1/', { headers: { origin: baseURL!, 'content-type': 'application/json' }, data: '{}', maxRedirects: 0 });
  expect(script.status()).toBe(401);
});

test('a cross-origin post is refused', async ({ request }) => {
  const response = await request.post('/admin/login/', { headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, data: new URLSearchParams({ email, password }).toString(), maxRedirects: 0 });
  expect(response.status()).toBe(403);
});

test('signing in sets an HttpOnly, SameSite=Strict session cookie; signing out ends the session', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const response = await signIn(request, baseURL!);
  const cookie = response.headers()['set-cookie']!;
  expect(cookie).toMatch(/^cc_admin_session=[A-Za-z0-9_-]{43}/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  expect(cookie).toMatch(/Path=\//);
  expect((await request.get('/admin/', { maxRedirects: 0 })).status()).toBe(200);
  expect((await request.post('/admin/logout/', { headers: form(baseURL!), maxRedirects: 0 })).status()).toBe(303);
  expect((await request.get('/admin/', { maxRedirects: 0 })).status()).toBe(303);
  await request.dispose();
});

test('a roster with several bad rows imports nothing and lists each row\'s problem', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signIn(request, baseURL!);
  const before = query<{ n: number }>('SELECT count(*) AS n FROM members').n;
  const csv = [
    'name,email,role,ward or committee,course pack,induction due date',
    'Siân Ŵyn Llŷr,sian@example.org,councillor,Garstang,wyre,2026-12-31',
    ',nobody@example.org,councillor,Garstang,wyre,2026-12-31',
    'Bob Smith,bob@,councillor,Garstang,wyre,2026-12-31',
    'Ann Lee,ann@example.org,mayor,Garstang,wyre,2026-12-31',
    'Cy Jones,cy@example.org,councillor,Garstang,atlantis,2026-12-31',
    'Di Khan,di@example.org,councillor,Garstang,wyre,2026-02-31',
    'Sian Again,SIAN@example.org,councillor,Garstang,wyre,2026-12-31',
  ].join('\n');
  const response = await request.post('/admin/import/', { headers: { origin: baseURL! }, multipart: { roster: { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } } });
  expect(response.status()).toBe(422);
  const body = await response.text();
  expect(body).toContain('Nothing was imported');
  // Spreadsheet rows: the header is row 1, so the good first member is row 2.
  for (const row of [3, 4, 5, 6, 7, 8]) expect(body).toContain(`Row ${row}:`);
  expect(body).not.toContain('Row 2:');
  expect(query<{ n: number }>('SELECT count(*) AS n FROM members').n).toBe(before);
  await request.dispose();
});

test('a good roster of 2,000 members imports in under 5 seconds; the register CSV neutralises formulas', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signIn(request, baseURL!);
  const lines = ['name,email,role,ward or committee,course pack,induction due date'];
  lines.push('"=HYPERLINK(""http://evil.example"",""click"")",hyper@example.org,councillor,+1 Ward,wyre,2020-01-31');
  lines.push('Zoë Brontë-Ó Dálaigh,zoe@example.org,co-opted member,@Audit Committee,ashfield,30/06/2099');
  for (let i = 0; i < 1998; i++) lines.push(`Member ${i},member${i}@example.org,${i % 4 ? 'councillor' : 'co-opted member'},Ward ${i % 40},${i % 2 ? 'wyre' : 'ashfield'},2099-0${1 + (i % 9)}-15`);
  const started = Date.now();
  const response = await request.post('/admin/import/', { headers: { origin: baseURL! }, multipart: { roster: { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) } } });
  const took = Date.now() - started;
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('Imported: 2000 new members');
  expect(took).toBeLessThan(5000);
  console.log(`Roster import: 2,000 members in ${took} ms`);

  const exported = await request.get('/admin/export.csv');
  expect(exported.headers()['content-type']).toContain('text/csv');
  const text = (await exported.body()).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = parse(text, { bom: true });
  expect(rows.length).toBe(2001 + query<{ n: number }>('SELECT count(*) AS n FROM members WHERE email NOT LIKE \'member%\' AND email NOT IN (\'hyper@example.org\', \'zoe@example.org\')').n);
  const cells = rows.flat();
  expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  expect(cells).toContain('\'=HYPERLINK("http://evil.example","click")');
  expect(cells).toContain('\'+1 Ward');
  expect(cells).toContain('Zoë Brontë-Ó Dálaigh');
  const hyper = rows.find((r) => r[1] === 'hyper@example.org')!;
  expect(hyper[5]).toBe('Overdue');
  expect(hyper[6]).toBe('2020-01-31');
  await request.dispose();
});

test('the dashboard, a member page and the report pass axe; a member can be found by search', async ({ page, baseURL }) => {
  test.setTimeout(240_000); // axe over tables of 2,000 members (500 rows shown, each with a checkbox and its status as text)
  await page.goto('/admin/login/');
  await expectNoAxeViolations(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('h1')).toHaveText('Members');
  await expectNoAxeViolations(page);
  await page.getByLabel('Search name, email or ward').fill('Brontë');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.locator('[data-members] tbody tr')).toHaveCount(1);
  await page.locator('[data-members]').getByRole('link', { name: 'Zoë Brontë-Ó Dálaigh' }).click(); // (self-declared records by that name may be listed as unmatched too)
  await expect(page.locator('h1')).toHaveText('Zoë Brontë-Ó Dálaigh');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Make a personal link' }).click();
  await expect(page.locator('[data-link]')).toContainText(`${baseURL}/c/`);
  for (const path of ['/admin/report/', '/admin/analytics/', '/admin/import/', '/admin/members/new/']) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});

test('a personal link ties a browser to a member: progress reported, sign-off locked to the roster, record on the member page, revocable', async ({ browser, page, baseURL }) => {
  test.setTimeout(90_000);
  // The Monitoring Officer makes Zoë's link.
  await page.goto('/admin/login/');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const memberId = query<{ id: number }>("SELECT id FROM members WHERE email = 'zoe@example.org'").id;
  await page.goto(`/admin/members/${memberId}/`);
  // Zoë has a link from the test before: a new one is confirmed first.
  await page.getByRole('button', { name: /personal link/ }).click();
  await page.getByRole('button', { name: 'Yes, make a new link' }).click();
  const oldLink = (await page.locator('[data-link]').textContent())!.trim();
  await page.getByRole('button', { name: /personal link/ }).click();
  await page.getByRole('button', { name: 'Yes, make a new link' }).click();
  const link = (await page.locator('[data-link]').textContent())!.trim();
  expect(link).not.toBe(oldLink);

  const member = await browser.newContext({ baseURL });
  const zoe = await member.newPage();
  expect((await zoe.goto(oldLink))!.status()).toBe(404);
  await zoe.goto(link);
  await zoe.getByRole('button', { name: 'Continue as Zoë Brontë-Ó Dálaigh' }).click();
  await expect(zoe).toHaveURL(/\/ashfield\/me\/$/);
  await expect(zoe.locator('h1')).toHaveText('Welcome, Zoë Brontë-Ó Dálaigh');
  // A lesson read to its end is reported to the member's record.
  await zoe.goto('/ashfield/lessons/what-is-social-media/');
  const reported = zoe.waitForResponse((r) => r.url().includes('/api/progress?basis=') && r.status() === 200);
  await zoe.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await reported;
  await expect.poll(() => query<{ n: number }>("SELECT count(*) AS n FROM member_events WHERE member_id = ? AND kind = 'lesson'", memberId).n).toBeGreaterThan(0);
  await page.goto('/admin/?q=zoe%40example.org');
  await expect(page.locator('[data-members] tbody tr').first()).toContainText('In progress');

  // Sign-off through the link: the roster's details, whatever is typed.
  const course = courseFor('ashfield');
  const progress = JSON.stringify(perfectProgress(course));
  const posted = await zoe.request.post('/api/progress', { headers: { 'content-type': 'application/json' }, data: progress });
  expect(await posted.json()).toMatchObject({ recorded: expect.any(Number) });
  expect(query<{ n: number }>("SELECT count(*) AS n FROM member_events WHERE member_id = ? AND kind = 'flowchart'", memberId).n).toBeGreaterThan(20);
  // Without a personal link there is no one to record progress for.
  expect((await page.request.post('/api/progress', { headers: { 'content-type': 'application/json' }, data: progress })).status()).toBe(401);
  const attempt = await takeAssessment(zoe.request, baseURL!, 'ashfield', true);
  expect(query<{ m: number }>('SELECT member_id AS m FROM attempts ORDER BY rowid DESC LIMIT 1').m).toBe(memberId);
  await zoe.goto(`/sign-off/?pack=ashfield&attempt=${attempt}`);
  await expect(zoe.getByLabel('Full name')).toHaveValue('Zoë Brontë-Ó Dálaigh');
  await expect(zoe.getByLabel('Full name')).toHaveAttribute('readonly', '');
  const signed = await zoe.request.post('/sign-off/', {
    headers: { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded' }, maxRedirects: 0,
    data: new URLSearchParams({ pack: 'ashfield', attempt, submission: randomBytes(16).toString('base64url'), name: 'Somebody Else', role: 'councillor', wardOrCommittee: 'Elsewhere', email: 'else@example.org', declaration: 'agreed', progress }).toString(),
  });
  expect(signed.status()).toBe(303);
  const recordId = /certificate\/([0-9a-f-]{36})\//.exec(signed.headers().location!)![1]!;
  const { record } = await (await zoe.request.get(`/api/records/${recordId}`)).json();
  expect(record.member).toEqual({ name: 'Zoë Brontë-Ó Dálaigh', role: 'co-opted member', wardOrCommittee: '@Audit Committee', email: 'zoe@example.org' });
  await member.close();

  await page.goto(`/admin/members/${memberId}/`);
  await page.getByRole('link', { name: `record ${recordId}` }).click();
  await expect(page.locator('[data-identity]')).toHaveAttribute('data-identity', 'roster-verified');
  await expect(page.locator('[data-member]')).toContainText('Zoë Brontë-Ó Dálaigh');
  await page.getByLabel('Reason for revoking this record').fill('Signed on behalf of the member by someone else');
  await page.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('button', { name: 'Yes, revoke this record' }).click();
  await expect(page.locator('[data-status]')).toContainText('Revoked');
  await expect(page.locator('[data-status]')).toContainText('Signed on behalf of the member by someone else');
  // Revoked, the member must sign again: not "In progress" on a course they finished.
  await page.goto('/admin/?q=zoe%40example.org');
  await expect(page.locator('[data-members] tbody tr').first()).toContainText('Needs to re-sign');
  await page.goto(`/verify/${recordId}/`);
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'revoked');
  await page.goto('/admin/analytics/');
  // Named by the step's question, not its ID (q-unlawful).
  await expect(page.locator('tbody')).toContainText('"Could it be unlawful');
  await expect(page.locator('tbody')).not.toContainText('q-unlawful');
  await expect(page.locator('tbody')).toContainText('Final assessment');
});

test('personal links download as a mail-merge CSV, and each link opens its course', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signIn(request, baseURL!);
  const missing = query<{ n: number }>('SELECT count(*) AS n FROM members WHERE link_hash IS NULL AND archived_at IS NULL').n;
  const response = await request.post('/admin/links.csv', { headers: form(baseURL!), data: 'scope=missing' });
  expect(response.status()).toBe(200);
  const rows: string[][] = parse((await response.body()).toString('utf8'), { bom: true });
  expect(rows[0]).toEqual(['Name', 'Email', 'Course', 'Personal course link']);
  expect(rows.length - 1).toBe(missing);
  expect(query<{ n: number }>('SELECT count(*) AS n FROM members WHERE link_hash IS NULL AND archived_at IS NULL').n).toBe(0);
  const visitor = await playwright.request.newContext({ baseURL });
  // Opening the link shows whose it is and sets nothing; continuing (a same-site post) ties the browser to the member.
  const opened = await visitor.get(rows[1]![3]!, { maxRedirects: 0 });
  expect(opened.status()).toBe(200);
  expect(opened.headers()['set-cookie']).toBeUndefined();
  expect(await opened.text()).toContain('Continue as ');
  const continued = await visitor.post(rows[1]![3]!, { headers: form(baseURL!), maxRedirects: 0 });
  expect(continued.status()).toBe(303);
  expect(continued.headers()['set-cookie']).toMatch(/cc_member=[^;]+;.*HttpOnly/i);
  await visitor.dispose();
  await request.dispose();
});

test('one member can be added, corrected (bad details change nothing) and archived', async ({ page }) => {
  await page.goto('/admin/login/');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.goto('/admin/members/new/');
  await page.getByLabel('Full name').fill('Rhodri Ap Iorwerth');
  await page.getByLabel('Email address').fill('rhodri@example.org');
  await page.getByLabel('Ward or committee').fill('Cleveleys Park');
  await page.getByLabel('Induction due date').fill('2099-03-31');
  await page.getByRole('button', { name: 'Add the member' }).click();
  await expect(page.locator('h1')).toHaveText('Rhodri Ap Iorwerth');
  const id = query<{ id: number }>("SELECT id FROM members WHERE email = 'rhodri@example.org'").id;
  await page.locator('summary').click();
  await page.getByLabel('Email address').fill('not an email');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.cc-error-summary')).toContainText('not a valid email address');
  expect(query<{ email: string }>('SELECT email FROM members WHERE id = ?', id).email).toBe('rhodri@example.org');
  await page.getByLabel('Email address').fill('rhodri.ap@example.org');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.cc-details')).toContainText('rhodri.ap@example.org');
  await page.getByRole('button', { name: /^Archive/ }).click();
  await page.getByRole('button', { name: /^Yes, archive/ }).click();
  await expect(page.locator('main')).toContainText('Archived');
  await page.goto('/admin/?q=rhodri');
  await expect(page.locator('[data-members] tbody tr')).toHaveCount(0);
});

test('the committee report downloads as a PDF with the rates and the overdue members', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signIn(request, baseURL!);
  const pdf = await request.get('/admin/report.pdf');
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: await pdf.body(), encoding: 'utf8' });
  expect(text).toContain('Social media policy: completion report');
  expect(text).toContain('By ward or committee');
  expect(text).toMatch(/Co-opted members\s+\d+\s+\d+\s+\d+%/);
  expect(text).toContain('=HYPERLINK("http://evil.example","click")'); // overdue, printed as text
  await request.dispose();
});

test('the audit log chain verifies with npm run audit:verify', () => {
  const out = execFileSync(process.execPath, [join(root, 'scripts', 'audit-verify.ts')], { env: { ...process.env, COURSE_DB: join(root, e2eDatabase) }, encoding: 'utf8' });
  expect(out).toMatch(/Audit log intact: \d+ entries/);
  const actions = (query<{ a: string }>("SELECT group_concat(DISTINCT action) AS a FROM audit_log").a).split(',');
  expect(actions).toEqual(expect.arrayContaining(['admin-create', 'login', 'roster-import', 'link-regenerate', 'logout', 'sign-off', 'revoke', 'member-add', 'member-edit', 'member-archive']));
});

test('the sixth bad password locks sign-in, with a clear message, even for the right password', async ({ request, baseURL }) => {
  const bad = new URLSearchParams({ email, password: 'wrong password' }).toString();
  for (let i = 1; i <= 5; i++) {
    const response = await request.post('/admin/login/', { headers: form(baseURL!), data: bad, maxRedirects: 0 });
    expect(response.status(), `attempt ${i}`).toBe(401);
  }
  const sixth = await request.post('/admin/login/', { headers: form(baseURL!), data: bad, maxRedirects: 0 });
  expect(sixth.status()).toBe(429);
  expect(await sixth.text()).toContain('Too many failed sign-in attempts from your address');
  // The page says when, and so does Retry-After: up to 15 minutes (security review row 4).
  expect(Number(sixth.headers()['retry-after'])).toBeGreaterThan(0);
  expect(Number(sixth.headers()['retry-after'])).toBeLessThanOrEqual(15 * 60);
  const right = await request.post('/admin/login/', { headers: form(baseURL!), data: new URLSearchParams({ email, password }).toString(), maxRedirects: 0 });
  expect(right.status()).toBe(429);
});
