/**
 * Issue 15 items 4 and 6 on a server of its own: every admin form redirects (a refresh re-posts
 * nothing); revoking, archiving, a new link and bulk actions ask first; archived members can be
 * restored; the session warns before it ends, and a form sent after it ended is kept; field errors
 * are linked; the member page reflows at 320 px; selects show focus; buttons use the page's font.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import type { DatabaseSync } from 'node:sqlite';
import { createAdmin } from '../../src/lib/server/admins.ts';
import { linkedMember, passAttempt, postSignOff, recordProgress } from './server-support.ts';
import { withOwnServer } from './spawn-server.ts';
import { expectNoAxeViolations } from './support.ts';

const work = join(import.meta.dirname, '..', '..', 'reports', 'e2e-safe-actions');
const officer = { email: 'mo@example.org', password: 'correct horse battery staple' };
const LONG_NAME = 'Bethan Morris-Okonkwo-Featherstonehaugh-Llewellyn-ap-Gruffydd';

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin/login/`);
  await page.getByLabel('Email address').fill(officer.email);
  await page.getByLabel('Password').fill(officer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${base}/admin/`);
}

const memberId = (db: DatabaseSync, email: string) => (db.prepare('SELECT id FROM members WHERE email = ?').get(email) as { id: number }).id;
const count = (db: DatabaseSync, sql: string, ...params: (string | number)[]) => (db.prepare(sql).get(...params) as { n: number }).n;

/** Every POST the page sends while `act` runs. */
async function postsDuring(page: Page, act: () => Promise<unknown>): Promise<string[]> {
  const posts: string[] = [];
  const listen = (r: { method(): string; url(): string }) => void (r.method() === 'POST' && posts.push(r.url()));
  page.on('request', listen);
  await act();
  page.off('request', listen);
  return posts;
}

test('forms redirect, so a refresh changes nothing; field errors are listed and linked; a new link asks first and reflows at 320 px', async ({ page }) => {
  test.setTimeout(120_000);
  await withOwnServer(join(work, 'forms'), async ({ base }, db) => {
    await createAdmin(db, { ...officer, name: 'Morag Officer' }, 'test');
    await signIn(page, base);

    // Add a member: every problem at its field, each summary link going to its field.
    await page.goto(`${base}/admin/members/new/`);
    await page.getByRole('button', { name: 'Add the member' }).click();
    const summary = page.locator('.cc-error-summary');
    for (const [field, text] of <[string, string][]>[['name', 'Name is missing'], ['email', 'Email is missing'], ['wardOrCommittee', 'Ward or committee is missing'], ['dueDate', 'Induction due date is missing']]) {
      await expect(summary.locator(`a[href="#${field}"]`)).toHaveText(text);
      await expect(page.locator(`#${field}`)).toHaveAttribute('aria-invalid', 'true');
      const described = (await page.locator(`#${field}`).getAttribute('aria-describedby'))!.split(' ');
      await expect(page.locator(`#${described.find((d) => d.endsWith('-error'))}`)).toContainText(text);
    }
    await expectNoAxeViolations(page);
    await summary.locator('a[href="#email"]').click();
    await expect(page.locator('#email')).toBeFocused();

    await page.getByLabel('Full name').fill(LONG_NAME);
    await page.getByLabel('Email address').fill('bethan@example.org');
    await page.getByLabel('Ward or committee').fill('Pilling');
    await page.getByLabel('Induction due date').fill('2099-03-31');
    await page.getByRole('button', { name: 'Add the member' }).click();
    await expect(page.locator('[data-flash]')).toContainText(`Added ${LONG_NAME}`);
    expect(await postsDuring(page, () => page.reload())).toEqual([]);
    await expect(page.locator('[data-flash]')).toContainText(`Added ${LONG_NAME}`);
    expect(count(db, 'SELECT count(*) AS n FROM members WHERE email = ?', 'bethan@example.org')).toBe(1);
    const id = memberId(db, 'bethan@example.org');
    const hash = () => (db.prepare('SELECT link_hash FROM members WHERE id = ?').get(id) as { link_hash: string | null }).link_hash;

    // The first link needs no confirmation (no link stops working); a refresh shows it again and makes none.
    await page.getByRole('button', { name: 'Make a personal link' }).click();
    const first = (await page.locator('[data-link]').textContent())!.trim();
    const firstHash = hash();
    expect(await postsDuring(page, () => page.reload())).toEqual([]);
    await expect(page.locator('[data-link]')).toHaveText(first);
    expect(hash()).toBe(firstHash);
    await expectNoAxeViolations(page);

    // 320 px: the long name and the new link wrap; the page does not scroll sideways (review F2).
    await page.setViewportSize({ width: 320, height: 640 });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 800 });

    // A new link asks first; cancelling changes nothing; confirming kills the old link.
    await page.getByRole('button', { name: 'Make a new personal link' }).click();
    await expect(page.locator('h1')).toHaveText(`Make a new personal link for ${LONG_NAME}?`);
    await expect(page.locator('[data-confirm]')).toContainText('will stop working at once');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /^Cancel/ }).click();
    expect(hash()).toBe(firstHash);
    await page.getByRole('button', { name: 'Make a new personal link' }).click();
    await page.getByRole('button', { name: 'Yes, make a new link' }).click();
    const second = (await page.locator('[data-link]').textContent())!.trim();
    expect(second).not.toBe(first);
    expect(await postsDuring(page, () => page.reload())).toEqual([]);
    await expect(page.locator('[data-link]')).toHaveText(second);
    expect((await page.request.get(first)).status()).toBe(404);

    // Edit errors are linked too; a refresh after saving saves nothing again.
    await page.locator('summary', { hasText: 'Change' }).click();
    await page.getByLabel('Email address').fill('not an email');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(summary.locator('a[href="#email"]')).toContainText('is not a valid email address');
    await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Email address').fill('bethan.m@example.org');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.locator('[data-flash]')).toContainText('Saved the changes');
    const edits = count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'member-edit'");
    await page.reload();
    expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'member-edit'")).toBe(edits);

    // An import's result is shown after its redirect; a refresh imports nothing again. The sample roster downloads and imports.
    const sample = await page.request.get(`${base}/admin/sample-roster.csv`);
    expect(sample.headers()['content-disposition']).toContain('roster-sample.csv');
    const sampleRows: string[][] = parse(await sample.text(), { bom: true });
    expect(sampleRows[0]).toEqual(['name', 'email', 'role', 'ward or committee', 'course pack', 'induction due date']);
    await page.goto(`${base}/admin/import/`);
    await page.getByLabel('Roster CSV file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(await sample.body()) });
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.locator('[data-flash]')).toContainText('Imported: 2 new members, 0 updated.');
    const imports = count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'roster-import'");
    expect(await postsDuring(page, () => page.reload())).toEqual([]);
    expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'roster-import'")).toBe(imports);
    // No file: the error is tied to the file field.
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.locator('.cc-error-summary a[href="#roster"]')).toHaveText('Choose a CSV file to import.');
    await expect(page.locator('#roster')).toHaveAttribute('aria-describedby', 'roster-error');
  });
});

test('revoking asks first and the member then needs to re-sign; archive asks first; archived members are restored; bulk archive asks first', async ({ page }) => {
  test.setTimeout(120_000);
  await withOwnServer(join(work, 'actions'), async ({ base }, db) => {
    await createAdmin(db, { ...officer, name: 'Morag Officer' }, 'test');
    const alice = `cc_member=${linkedMember(db, 'Alice Ng', 'alice@example.org')}`;
    linkedMember(db, 'Bryn Jones', 'bryn@example.org');
    linkedMember(db, 'Carys Evans', 'carys@example.org');
    linkedMember(db, 'Dewi Price', 'dewi@example.org');
    await recordProgress(base, 'wyre', alice);
    const signed = await postSignOff(base, 'wyre', await passAttempt(base, 'wyre', alice), randomUUID().replace(/-/g, '').slice(0, 22), 'Alice Ng', alice);
    const recordId = /certificate\/([0-9a-f-]{36})\//.exec(signed.headers.get('location') ?? '')![1]!;
    await signIn(page, base);

    // Status legend and each status's reason as visible text (review R4).
    await expect(page.locator('[data-legend] summary')).toHaveText('What each status means');
    await page.locator('[data-legend] summary').click();
    await expect(page.locator('[data-legend]')).toContainText('The induction due date has passed');
    const aliceRow = page.locator('[data-members] tbody tr', { hasText: 'Alice Ng' });
    await expect(aliceRow).toContainText('Signed');
    await expect(aliceRow.locator('.cc-status-detail')).toBeVisible();
    await expect(aliceRow.locator('.cc-status-detail')).toContainText('signs again by');
    await expect(page.locator('[data-members] [title]')).toHaveCount(0);

    // Revoke: the reason's error is tied to its field; then a confirmation that says what happens.
    await page.goto(`${base}/admin/records/${recordId}/`);
    await page.getByLabel('Reason for revoking this record').fill('no');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await expect(page.locator('.cc-error-summary a[href="#revoke-reason"]')).toContainText('5 to 500 characters');
    await expect(page.locator('#revoke-reason')).toHaveAttribute('aria-describedby', 'revoke-hint revoke-reason-error');
    await page.getByLabel('Reason for revoking this record').fill('Signed at the wrong meeting');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await expect(page.locator('h1')).toHaveText("Revoke Alice Ng's sign-off record?");
    await expect(page.locator('[data-confirm]')).toContainText('This cannot be undone');
    await expect(page.locator('[data-confirm]')).toContainText('"Signed at the wrong meeting"');
    await expectNoAxeViolations(page);
    expect(count(db, "SELECT count(*) AS n FROM record_events WHERE kind = 'revoked'")).toBe(0);
    await page.getByRole('button', { name: 'Yes, revoke this record' }).click();
    await expect(page.locator('[data-flash]')).toContainText('Revoked');
    await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'revoked');
    expect(await postsDuring(page, () => page.reload())).toEqual([]);
    expect(count(db, "SELECT count(*) AS n FROM record_events WHERE kind = 'revoked'")).toBe(1);
    await page.goto(`${base}/admin/`);
    await expect(aliceRow).toContainText('Needs to re-sign');
    await expect(aliceRow).not.toContainText('In progress');
    await expect(aliceRow.locator('.cc-status-detail')).toContainText('Sign-off revoked on');

    // Archive one member: asked first, then restored from the dashboard's "Archived" list.
    const bryn = memberId(db, 'bryn@example.org');
    await page.goto(`${base}/admin/members/${bryn}/`);
    await page.getByRole('button', { name: 'Archive Bryn Jones (records are kept)' }).click();
    await expect(page.locator('h1')).toHaveText('Archive Bryn Jones?');
    await expect(page.locator('[data-confirm]')).toContainText('Nothing is deleted');
    expect(count(db, 'SELECT count(*) AS n FROM members WHERE archived_at IS NOT NULL')).toBe(0);
    await page.getByRole('button', { name: 'Yes, archive Bryn Jones' }).click();
    await expect(page.locator('[data-flash]')).toContainText('Archived Bryn Jones');
    await page.goto(`${base}/admin/`);
    const archived = page.locator('[data-archived-list]');
    await expect(archived).toContainText('Archived (1)');
    await expect(page.locator('[data-members]')).not.toContainText('Bryn Jones');
    await expectNoAxeViolations(page);
    await archived.getByRole('button', { name: 'Restore Bryn Jones' }).click();
    await expect(page.locator('[data-flash]')).toContainText('Restored Bryn Jones');
    await expect(page.getByRole('button', { name: 'Make a personal link' })).toBeVisible();
    await page.goto(`${base}/admin/`);
    await expect(page.locator('[data-archived-list]')).toHaveCount(0);
    await expect(page.locator('[data-members]')).toContainText('Bryn Jones');

    // Bulk: nothing ticked is refused; invite says email is not set up; archive lists who, then archives them.
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.cc-error-summary')).toContainText('Select at least one member');
    await page.goto(`${base}/admin/`);
    await page.getByLabel('Select Carys Evans').check();
    await page.getByLabel('With the members ticked below').selectOption('invite');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('h1')).toHaveText('Send an invitation to 1 member?');
    await page.getByRole('button', { name: 'Yes, invite 1 member' }).click();
    await expect(page.locator('[data-flash]')).toContainText('No invitations were sent: Email is not set up.');
    await page.getByLabel('Select Carys Evans').check();
    await page.getByLabel('Select Dewi Price').check();
    await page.getByLabel('With the members ticked below').selectOption('archive');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('h1')).toHaveText('Archive 2 members?');
    await expect(page.locator('[data-bulk-members] li')).toHaveText(['Carys Evans', 'Dewi Price']);
    await expectNoAxeViolations(page);
    expect(count(db, 'SELECT count(*) AS n FROM members WHERE archived_at IS NOT NULL')).toBe(0);
    await page.getByRole('button', { name: 'Yes, archive 2 members' }).click();
    await expect(page.locator('[data-flash]')).toContainText('Archived 2 members');
    expect(await postsDuring(page, () => page.reload())).toEqual([]);
    expect(count(db, "SELECT count(*) AS n FROM members WHERE archived_at IS NOT NULL AND email IN ('carys@example.org', 'dewi@example.org')")).toBe(2);
    expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'member-archive'")).toBe(3);
    await expect(page.locator('[data-archived-list]')).toContainText('Archived (2)');

    // New links for everyone asks first, saying how many links stop working.
    await page.getByLabel('New links for everyone (old links stop working; you are asked first)').check();
    const before = db.prepare('SELECT group_concat(link_hash) AS h FROM members').get();
    await page.getByRole('button', { name: 'Make links and download' }).click();
    await expect(page).toHaveURL(`${base}/admin/new-links/`);
    await expect(page.locator('[data-confirm]')).toContainText('stop working at once');
    await expectNoAxeViolations(page);
    expect(db.prepare('SELECT group_concat(link_hash) AS h FROM members').get()).toEqual(before);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Yes, make \d+ new links and download them$/ }).click();
    const rows: string[][] = parse(await (await download).createReadStream().then(async (s) => Buffer.concat(await s.toArray())), { bom: true });
    expect(rows.length - 1).toBe(count(db, 'SELECT count(*) AS n FROM members WHERE archived_at IS NULL'));
    expect(db.prepare('SELECT group_concat(link_hash) AS h FROM members').get()).not.toEqual(before);
  });
});

test('the session warns two minutes before it ends and can be extended; a form sent after it ended is kept and sent after sign-in', async ({ page }) => {
  test.setTimeout(120_000);
  await withOwnServer(join(work, 'session'), async ({ base }, db) => {
    await createAdmin(db, { ...officer, name: 'Morag Officer' }, 'test');
    await page.clock.install();
    await signIn(page, base);
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toBeHidden();
    await page.clock.fastForward('27:00');
    await expect(dialog).toBeHidden();
    await page.clock.fastForward('01:30');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('you will be signed out at');
    await expect(page.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
    await expectNoAxeViolations(page);
    const renewed = page.waitForResponse((r) => r.url().endsWith('/admin/session/') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    expect((await renewed).status()).toBe(200);
    expect((await (await renewed).json()).seconds).toBeGreaterThan(29 * 60);
    await expect(dialog).toBeHidden();

    // Selects show a strong focus ring (review F5); buttons use the page's font (not 13 px Arial).
    await page.locator('#f-status').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(page.locator('#f-status')).toBeFocused();
    expect(await page.locator('#f-status').evaluate((el) => getComputedStyle(el).outlineWidth)).toBe('3px');
    const font = (selector: string) => page.locator(selector).first().evaluate((el) => `${getComputedStyle(el).fontFamily} ${getComputedStyle(el).fontSize}`);
    expect(await font('button.cc-button')).toBe(await font('main p'));

    // The session ends while a member is being added: the post is kept, and sent after signing in again.
    await page.goto(`${base}/admin/members/new/`);
    await page.getByLabel('Full name').fill('Gwen Late');
    await page.getByLabel('Email address').fill('gwen@example.org');
    await page.getByLabel('Ward or committee').fill('Preesall');
    await page.getByLabel('Induction due date').fill('2099-01-31');
    db.prepare("UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00.000Z'").run();
    await page.getByRole('button', { name: 'Add the member' }).click();
    await expect(page).toHaveURL(/\/admin\/login\/\?next=%2Fadmin%2Fmembers%2Fnew%2F&held=/);
    await expect(page.locator('[data-held]')).toContainText('It has been kept');
    await expectNoAxeViolations(page);
    expect(count(db, 'SELECT count(*) AS n FROM members')).toBe(0);
    await page.getByLabel('Email address').fill(officer.email);
    await page.getByLabel('Password').fill(officer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('h1')).toHaveText('Send what you typed');
    await expect(page.locator('[data-held-fields]')).toContainText('Gwen Late');
    await expect(page.locator('[data-held-fields]')).toContainText('gwen@example.org');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Send it now' }).click();
    await expect(page.locator('h1')).toHaveText('Gwen Late');
    expect(count(db, "SELECT count(*) AS n FROM members WHERE email = 'gwen@example.org' AND ward_or_committee = 'Preesall'")).toBe(1);

    // A script's request without a session still gets 401 JSON; a file upload is sent to sign in, asking for the file again.
    const anonymous = await page.context().browser()!.newContext();
    const json = await anonymous.request.post(`${base}/admin/session/`, { headers: { origin: base } });
    expect(json.status()).toBe(401);
    const upload = await anonymous.request.post(`${base}/admin/import/`, { headers: { origin: base }, multipart: { roster: { name: 'r.csv', mimeType: 'text/csv', buffer: Buffer.from('x') } }, maxRedirects: 0 });
    expect(upload.status()).toBe(303);
    expect(upload.headers().location).toBe('/admin/login/?next=%2Fadmin%2Fimport%2F&lost=file');
    await anonymous.close();
  });
});
