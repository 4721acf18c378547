/**
 * How the signer's identity was known (security review row 1), on servers of their own:
 * - a sign-off without a personal link is "self-declared" on its certificate, PDF, verification page
 *   and API, and is listed on the dashboard as unmatched;
 * - the officer matches one to a roster member (audited; the member's status counts it), rejects
 *   another (revoked), and revokes a roster-verified record from its page;
 * - with COURSE_SIGN_OFF=linked-only, signing without a link is refused and the page says why.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createAdmin } from '../../src/lib/server/admins.ts';
import { linkedMember, passAttempt, postSignOff, recordProgress } from './server-support.ts';
import { withOwnServer } from './spawn-server.ts';
import { expectNoAxeViolations } from './support.ts';

const pack = 'wyre';
const work = join(import.meta.dirname, '..', '..', 'reports', 'e2e-identity');
const submission = () => randomUUID().replace(/-/g, '').slice(0, 22);
const recordIdOf = (response: Response) => /certificate\/([0-9a-f-]{36})\//.exec(response.headers.get('location') ?? '')![1]!;

async function signInAsOfficer(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin/login/`);
  await page.getByLabel('Email address').fill('mo@example.org');
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${base}/admin/`);
}

test('a sign-off without a link says "self-declared" everywhere; the officer matches one, rejects another and revokes a roster-verified one', async ({ page }) => {
  test.setTimeout(90_000);
  await withOwnServer(join(work, 'open'), async (server, db) => {
    const base = server.base;
    await createAdmin(db, { email: 'mo@example.org', name: 'Morag Officer', password: 'correct horse battery staple' }, 'test');
    linkedMember(db, 'Jane Smith', 'jane.smith@wyre.gov.uk');
    const alice = `cc_member=${linkedMember(db, 'Alice Ng', 'alice@example.org')}`;

    // Anyone can sign in any name without a link: the record says so.
    const forged = recordIdOf(await postSignOff(base, pack, await passAttempt(base, pack), submission(), 'Jane Smith'));
    const stranger = recordIdOf(await postSignOff(base, pack, await passAttempt(base, pack), submission(), 'Cllr Jane Forged'));
    await recordProgress(base, pack, alice);
    const verified = recordIdOf(await postSignOff(base, pack, await passAttempt(base, pack, alice), submission(), 'Alice Ng', alice));

    await page.goto(`${base}/verify/${forged}/`);
    await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'valid');
    await expect(page.locator('[data-identity="self-declared"]')).toContainText('Self-declared');
    await expect(page.locator('.cc-details')).toContainText("Self-declared: typed by the signer and not checked against the council's roster");
    await expect(page.locator('main')).not.toContainText('Score');
    await page.goto(`${base}/certificate/${forged}/`);
    await expect(page.locator('.cc-details')).toContainText('Self-declared');
    await expect(page.locator('main')).not.toContainText('Score');
    const summary = await (await fetch(`${base}/api/records/${forged}`)).json();
    expect(summary.identity).toMatchObject({ level: 'self-declared' });
    expect(summary).not.toHaveProperty('record');
    const pdf = Buffer.from(await (await fetch(`${base}/certificate/${forged}.pdf`)).arrayBuffer());
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('Self-declared');
    await page.goto(`${base}/verify/${verified}/`);
    await expect(page.locator('.cc-details')).toContainText('Roster-verified');
    await expect(page.locator('[data-identity="self-declared"]')).toHaveCount(0);

    // The dashboard lists the two self-declared records, suggesting the roster member with the typed name.
    await signInAsOfficer(page, base);
    const list = page.locator('[data-unmatched-list]');
    await expect(list).toContainText('Unmatched sign-offs (2)');
    await expect(list.locator('tr', { hasText: 'Jane Smith' })).toContainText('jane.smith@wyre.gov.uk');
    await expect(list.locator('tr', { hasText: 'Cllr Jane Forged' })).toContainText('None found');
    await expectNoAxeViolations(page);

    // Match: confirmed with the member, so the record now counts for her.
    await list.getByRole('link', { name: 'Jane Smith' }).click();
    await expect(page.getByLabel("The member's email on the roster")).toHaveValue('jane.smith@wyre.gov.uk');
    await expectNoAxeViolations(page);
    await page.getByLabel("The member's email on the roster").fill('nobody@example.org');
    await page.getByRole('button', { name: 'Match to this member' }).click();
    await expect(page.locator('.cc-error-summary')).toContainText('No current member of the roster has the email');
    await page.getByLabel("The member's email on the roster").fill('JANE.SMITH@wyre.gov.uk');
    await page.getByRole('button', { name: 'Match to this member' }).click();
    await expect(page.locator('[data-member]')).toContainText('matched by mo@example.org');
    await expect(page.locator('[data-unmatched]')).toHaveCount(0);
    const match = db.prepare("SELECT actor, subject FROM audit_log WHERE action = 'record-match'").get();
    expect(match).toEqual({ actor: 'mo@example.org', subject: forged });
    await page.goto(`${base}/admin/`);
    await expect(page.locator('[data-members] tbody tr', { hasText: 'Jane Smith' })).toContainText('Signed');
    await expect(page.locator('[data-unmatched-list]')).toContainText('Unmatched sign-offs (1)');
    await page.goto(`${base}/verify/${forged}/`);
    await expect(page.locator('.cc-details')).toContainText("matched to the council's roster by an officer");

    // Reject: a stranger's record is revoked with the standard reason, and leaves the list.
    await page.goto(`${base}/admin/records/${stranger}/`);
    await page.getByRole('button', { name: 'Reject: revoke this record' }).click();
    await page.getByRole('button', { name: 'Yes, reject and revoke it' }).click();
    await expect(page.locator('[data-status]')).toContainText('could not be matched to its roster');
    await page.goto(`${base}/admin/`);
    await expect(page.locator('[data-unmatched-list]')).toHaveCount(0);
    expect((await (await fetch(`${base}/api/records/${stranger}`)).json()).status).toBe('revoked');

    // Revoke any record, a roster-verified one included; a second revocation is refused.
    await page.goto(`${base}/admin/records/${verified}/`);
    await expect(page.locator('[data-unmatched]')).toHaveCount(0);
    await page.getByLabel('Reason for revoking this record').fill('no');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await expect(page.locator('.cc-error-summary')).toContainText('5 to 500 characters');
    await page.getByLabel('Reason for revoking this record').fill('Signed at the wrong meeting');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('button', { name: 'Yes, revoke this record' }).click();
    await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'revoked');
    const again = await page.request.post(`${base}/admin/records/${verified}/`, {
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' }, data: 'action=revoke&reason=twice+over',
    });
    expect(again.status()).toBe(409);
  });
});

test('COURSE_SIGN_OFF=linked-only: without a personal link, sign-off is refused and the page says how to sign', async ({ page }) => {
  await withOwnServer(join(work, 'linked-only'), async (server, db) => {
    const base = server.base;
    const refused = await postSignOff(base, pack, await passAttempt(base, pack), submission(), 'Cllr Jane Forged');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('personal course links');
    expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 0 });
    await page.goto(`${base}/sign-off/?pack=${pack}`);
    await expect(page.locator('[data-link-needed]')).toContainText('Open the link your Monitoring Officer');
    await expect(page.getByRole('button', { name: 'Sign the declaration' })).toHaveCount(0);
    // Through a link, the same council's member signs, roster-verified.
    const alice = `cc_member=${linkedMember(db, 'Alice Ng', 'alice@example.org')}`;
    await recordProgress(base, pack, alice);
    const signed = await postSignOff(base, pack, await passAttempt(base, pack, alice), submission(), 'Alice Ng', alice);
    expect(signed.status).toBe(303);
    expect((await (await fetch(`${base}/api/records/${recordIdOf(signed)}`)).json()).identity.level).toBe('roster-verified');
  }, { COURSE_SIGN_OFF: 'linked-only' });
});
