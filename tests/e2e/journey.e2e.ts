/**
 * The whole journey for one pack, in the browser: every lesson, every scenario, a failed then a
 * passed final assessment, sign-off, the certificate page, its PDF, and the verification page.
 * axe checks each new page on the way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, lessonPages } from './support.ts';
import { answerCheck, answersOf, checksOf, lessonUrl, playScenario, scenarioUrl, scenariosOf, stored } from './quiz-support.ts';
import { answerAssessment, bankOf } from './server-support.ts';

const pack = 'wyre';
const name = 'Siân Ŵyn Llŷr';


test('wyre: lessons, scenarios, a failed then a passed assessment, sign-off, certificate, PDF and verification', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // Before anything: the sign-off page lists everything as still to do.
  await page.goto(`/sign-off/?pack=${pack}`);
  await expect(page.locator('[data-item="lessons"]')).toContainText('Lessons: 0 of');
  await expectNoAxeViolations(page);

  // Every lesson, answering its required knowledge-check questions rightly (sign-off needs them).
  const checks = new Map(checksOf(pack).map((c) => [lessonUrl(c.lesson), c.questions]));
  for (const lesson of lessonPages().filter((p) => p.startsWith(`/${pack}/`))) {
    await page.goto(lesson);
    await expect(page.locator('cc-progress')).toContainText(/read/);
    for (const question of checks.get(lesson)!.filter((q) => !q.practice)) await answerCheck(page, question, answersOf(question).right);
  }

  for (const scenario of scenariosOf(pack)) {
    await page.goto(scenarioUrl(scenario));
    await playScenario(page, scenario);
  }
  const progress = await stored(page, pack);
  expect(Object.values(progress.scenarios).every((s) => (s as { done: boolean }).done)).toBe(true);

  // A failed attempt: results name the wrong answers, with explanations; then a fresh draw.
  await page.goto(`/${pack}/assessment/`);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(page).toHaveURL(/\/wyre\/assessment\/[A-Za-z0-9_-]{22}\/$/);
  const firstAttempt = page.url();
  await expectNoAxeViolations(page);
  // The questions page carries no answer key.
  const html = await page.content();
  for (const q of bankOf(pack)) expect(html).not.toContain(q.explanation);
  await answerAssessment(page, pack, false);
  await expect(page.locator('h1')).toHaveText('You did not pass this time');
  await expect(page.locator('.cc-results--wrong')).toHaveCount(10);
  // Each wrong answer is explained, with lessons to revisit, but the right option is not given (security review row 9).
  const firstWrong = page.locator('.cc-results--wrong').first();
  const id = await firstWrong.getAttribute('data-question');
  const wrong = bankOf(pack).find((q) => q.id === id)!;
  await expect(firstWrong).toContainText(wrong.explanation);
  for (const o of wrong.options.filter((o) => o.correct)) await expect(firstWrong).not.toContainText(o.text);
  await expect(firstWrong.locator('a').first()).toHaveAttribute('href', /^\/wyre\/(lessons|examples)\//);
  await expect(page.locator('[data-revisit] a').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Try again with new questions' }).click();
  await expect(page).not.toHaveURL(firstAttempt);
  await answerAssessment(page, pack, true);
  await expect(page.locator('h1')).toHaveText('You passed the final assessment');
  await expect(page.locator('.cc-lead')).toContainText('10 of 10');
  await expectNoAxeViolations(page);

  // Sign-off: everything ticked, then the declaration.
  await page.getByRole('link', { name: 'Next step: sign the declaration' }).click();
  await expect(page.locator('[data-item="lessons"]')).toHaveClass('cc-checklist--done');
  await expect(page.locator('[data-item="scenarios"]')).toHaveClass('cc-checklist--done');
  await expect(page.locator('[data-ready]')).toContainText('You can now sign');
  await expect(page.locator('.cc-declaration')).toContainText('Social Media Policy for Members" (version November 2017)');
  await expectNoAxeViolations(page);
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Councillor', { exact: true }).check();
  await page.getByLabel('Ward or committee').fill('Pilling & Preesall');
  await page.getByLabel('Email address (optional)').fill('sian@example.org');
  await page.getByLabel(/I agree with this declaration/).check();
  await page.getByRole('button', { name: 'Sign the declaration' }).click();

  await expect(page).toHaveURL(/\/certificate\/[0-9a-f-]{36}\/$/);
  const recordId = /certificate\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  await expect(page.locator('.cc-certificate__name')).toHaveText(name);
  await expect(page.locator('.cc-certificate')).toContainText('Councillor, Pilling & Preesall');
  await expect(page.locator('.cc-certificate')).toContainText(recordId);
  // Anyone with the ID can open the certificate: it says how identity was known, not the score (review rows 1 and 7).
  await expect(page.locator('.cc-certificate')).toContainText('Self-declared');
  await expect(page.locator('.cc-certificate')).not.toContainText('10 of 10');
  await expect(page.locator('.cc-certificate')).toContainText(`${baseURL}/verify/${recordId}/`);
  await expectNoAxeViolations(page);

  // Printed, the certificate is one A4 page.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (printed.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // The PDF download: its text, as pdftotext reads it, holds the name and the record ID.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the certificate/ }).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'certificate-'));
  const file = join(dir, 'certificate.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text).toContain(name);
  expect(text).toContain(recordId);
  expect(text).toContain('Social Media Policy for Members, version November 2017');
  writeFileSync(join(dir, 'text.txt'), text);

  await page.getByRole('link', { name: 'Check this certificate' }).click();
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'valid');
  await expect(page.locator('h2').first()).toHaveText('Valid: this certificate is genuine');
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});
