/**
 * The assessment and the declaration are plain HTML forms: with JavaScript off they still post, and
 * the server answers. (axe needs scripts in the page, so it checks these pages in journey.e2e.ts.)
 */
import { expect, test } from '@playwright/test';
import { bankOf, courseFor } from './server-support.ts';

test.use({ javaScriptEnabled: false });

test('the final assessment works with JavaScript off, and sends blank questions back with an error summary', async ({ page }) => {
  await page.goto('/ashfield/assessment/');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await expect(page.locator('.cc-question')).toHaveCount(10);
  // Send with one answer only: the page comes back with the problems listed.
  await page.locator('.cc-question input').first().check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.locator('.cc-error-summary')).toContainText('Answer question 2');
  await expect(page.locator('.cc-question input').first()).toBeChecked();
  const bank = bankOf('ashfield');
  for (const question of await page.locator('.cc-question').all()) {
    const id = await question.getAttribute('id');
    const q = bank.find((b) => `q-${b.id}` === id)!;
    for (const [i, o] of q.options.entries()) if (o.correct) await question.locator('input').nth(i).check();
  }
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.locator('h1')).toHaveText('You passed the final assessment');
  // Without JavaScript, the link carries the attempt to the sign-off page.
  await page.getByRole('link', { name: 'Next step: sign the declaration' }).click();
  await expect(page.locator('.cc-checklist')).toContainText('Final assessment: passed');
  await page.getByLabel('Full name').fill('Zoë Brontë-Ó Dálaigh');
  await page.getByLabel('Co-opted member', { exact: true }).check();
  await page.getByLabel('Ward or committee').fill('Audit Committee');
  await page.getByLabel(/I agree with this declaration/).check();
  await page.getByRole('button', { name: 'Sign the declaration' }).click();
  // No progress could be read from this browser: the server says plainly what is missing.
  await expect(page.locator('.cc-error-summary')).toContainText('You cannot sign yet');
  const lessons = courseFor('ashfield').lessons.length;
  await expect(page.locator('[data-item="lessons"]')).toContainText(`Lessons: 0 of ${lessons} read`);
  await expect(page.locator('[data-item="lessons"] a')).toHaveCount(lessons);
  await expect(page.getByLabel('Full name')).toHaveValue('Zoë Brontë-Ó Dálaigh');
});
