/**
 * Routes as the learner meets them: `/<pack>/route.json` publishes the figures the unit tests
 * recompute; the course page and the progress box show the induction's time; and from the last
 * lesson, following only "next step" links leads to the scenarios, the assessment and sign-off.
 */
import { expect, test } from '@playwright/test';
import { packRoutes, routeJson } from '../../src/lib/route.ts';
import { routeInputFor } from '../unit/support/route.ts';
import { answerAssessment } from './server-support.ts';
import { packs } from './quiz-support.ts';

for (const pack of packs) {
  test(`${pack}: route.json holds each route's minutes and contents, as computed from the pack's files`, async ({ request, page }) => {
    const response = await request.get(`/${pack}/route.json`);
    expect(response.status()).toBe(200);
    const published = await response.json();
    expect(published).toEqual(JSON.parse(JSON.stringify(routeJson(pack, packRoutes(routeInputFor(pack))))));
    expect(published.rates).toEqual({ wordsPerMinute: 200, questionSeconds: 20, decisionSeconds: 10, replySeconds: 20 });
    expect(published.routes.induction.minutes).toBeLessThanOrEqual(45);
    expect(published.routes.refresher.minutes).toBeLessThanOrEqual(15);

    await page.goto(`/${pack}/`);
    await expect(page.locator('main')).toContainText(`The induction takes about ${published.routes.induction.minutes} minutes`);
    await expect(page.locator('cc-progress [data-field="left"]')).toHaveText(`about ${published.routes.induction.minutes} minutes left`);
  });
}

test('from the last lesson, "next step" links lead to the scenarios, the assessment, then sign-off', async ({ page }) => {
  const pack = 'wyre';
  const route = packRoutes(routeInputFor(pack)).induction;
  await page.goto(route.lessons.at(-1)!.href);
  await page.locator('[data-next-step]').click();
  await expect(page).toHaveURL(/\/wyre\/scenarios\/$/);
  await expect(page.getByRole('heading', { name: /For the induction \(9\)/ })).toBeVisible();
  await page.locator('[data-next-step]').click();
  await expect(page).toHaveURL(/\/wyre\/assessment\/$/);
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await answerAssessment(page, pack, true);
  await page.locator('[data-next-step]').click();
  await expect(page).toHaveURL(/\/sign-off\/\?pack=wyre&attempt=/);
  await expect(page.locator('h1')).toHaveText('Sign the declaration');
  // The progress box now leads to sign-off's neighbour steps: what is left is listed, the assessment is passed.
  await page.goto(`/${pack}/contents/`);
  await expect(page.locator('cc-progress [data-field="assessment"]')).toHaveText('passed');
});

test('the last induction scenario leads to the assessment; the header links the assessment and sign-off', async ({ page }) => {
  const route = packRoutes(routeInputFor('ashfield')).induction;
  await page.goto(route.scenarios.at(-1)!.href);
  await expect(page.locator('.cc-pager [data-next-step]')).toHaveAttribute('href', '/ashfield/assessment/');
  const nav = page.getByRole('navigation', { name: 'Course' });
  await expect(nav.getByRole('link', { name: 'Assessment' })).toHaveAttribute('href', '/ashfield/assessment/');
  await expect(nav.getByRole('link', { name: 'Sign off' })).toHaveAttribute('href', '/sign-off/?pack=ashfield');
});

test('without a personal link, a record ID that is not known gets a clear message and the induction', async ({ page }) => {
  const response = await page.goto('/wyre/me/?record=3f2c9a1e-7d4a-4f6b-9c2d-1a2b3c4d5e6f');
  expect(response?.status()).toBe(400);
  await expect(page.locator('.cc-error-summary')).toContainText('No record has that ID');
  await expect(page.getByRole('heading', { name: /Your induction: about \d+ minutes/ })).toBeVisible();
  await page.goto('/wyre/me/?record=<script>alert(1)</script>');
  await expect(page.locator('#record')).toHaveValue('<script>alert(1)</script>');
});
