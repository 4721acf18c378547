/** Knowledge checks: loaded only when scrolled to, usable by keyboard, kept in progress; "start again". */
import { expect, test } from '@playwright/test';
import { chooseRadio, checksOf, stored, tabTo } from './quiz-support.ts';
import { stripOrderPrefix } from '../../src/lib/order.ts';

const check = checksOf('wyre').find((c) => c.lesson === 'wyre/modules/04-libel')!;
const url = `/wyre/lessons/${stripOrderPrefix(check.lesson.split('/')[2]!)}/`;

test('the knowledge check\'s code loads only when it scrolls into view', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((u) => u.includes('knowledge-check-mount'))).toEqual([]);
  await expect(page.getByText('Checking your answers needs JavaScript')).toBeAttached();

  await page.locator('[data-island="knowledge-check"]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-island="knowledge-check"]')).toHaveAttribute('data-ready', '');
  expect(requested.filter((u) => u.includes('knowledge-check-mount'))).toHaveLength(1);
});

test('a question answered wrongly by keyboard is explained, recorded, and can be tried again', async ({ page }) => {
  await page.goto(url);
  const island = page.locator('[data-island="knowledge-check"]');
  await island.scrollIntoViewIfNeeded();
  await expect(island).toHaveAttribute('data-ready', '');
  const question = check.questions[0]!;
  const wrong = question.options.findIndex((o) => !o.correct);

  await island.locator('h2').evaluate((h) => (h as HTMLElement).setAttribute('tabindex', '-1'));
  await island.locator('h2').focus();
  await tabTo(page, '.cc-quiz input');
  if (question.type === 'single') await chooseRadio(page, wrong);
  else {
    for (let i = 0; i < wrong; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
  }
  await tabTo(page, '.cc-quiz button[type=submit]');
  await page.keyboard.press('Enter');

  const feedback = island.locator('.cc-feedback__panel').first();
  await expect(feedback).toBeFocused();
  await expect(feedback).toContainText('Not quite');
  await expect(feedback).toContainText(question.options[wrong]!.feedback);
  const correct = question.options.find((o) => o.correct)!;
  await expect(feedback).toContainText(correct.feedback);
  expect((await stored(page, 'wyre')).checks[question.id]).toEqual({ selected: [wrong], correct: false });
  await expect(page.locator('[data-field="questions"]')).toHaveText(/^1 of \d+ answered$/);
  await expect(page.locator('[data-field="score"]')).toHaveText('0 of 1 right (0%)');

  await page.reload();
  await island.scrollIntoViewIfNeeded();
  await expect(island.locator('.cc-feedback__panel').first()).toContainText('Not quite');
  await tabTo(page, '.cc-quiz button.cc-button--secondary');
  await page.keyboard.press('Enter');
  await expect(island.locator('input').first()).toBeFocused();
  expect((await stored(page, 'wyre')).checks[question.id]).toBeUndefined();
});

test('the progress indicator counts lesson visits, and "start again" clears everything', async ({ page }) => {
  await page.goto('/wyre/lessons/purpose/');
  await page.goto(url);
  const progress = page.locator('cc-progress');
  await expect(progress).toBeVisible();
  await expect(progress.locator('[data-field="lessons"]')).toHaveText(/^2 of \d+$/);
  page.once('dialog', (d) => d.accept());
  await progress.getByRole('button', { name: 'Start again' }).click();
  await expect(progress.locator('[data-field="lessons"]')).toHaveText(/^0 of \d+$/);
  expect(await stored(page, 'wyre')).toBeNull();
});

test('without JavaScript the progress indicator is hidden and the questions can be read', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('cc-progress')).toBeHidden();
  await expect(page.getByText(check.questions[0]!.prompt)).toBeVisible();
  await context.close();
});
