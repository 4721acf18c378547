/**
 * Knowledge checks: the controls are in the HTML (with or without JavaScript), reached by Tab before
 * the lesson links, checked by a small script that loads as the check nears the viewport, usable by
 * keyboard, kept in progress, and nothing moves when the script arrives.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerCheckByKeyboard, answersOf, checksOf, layoutShift, lessonUrl, stored, tabTo } from './quiz-support.ts';

const check = checksOf('wyre').find((c) => c.lesson === 'wyre/modules/04-libel')!;
const url = lessonUrl(check.lesson);
const [first, second] = check.questions as [typeof check.questions[0], typeof check.questions[0] | undefined];
const enhancer = (u: string) => u.includes('/check-enhance.');

/** Scrolls to the check and waits for its script. */
async function ready(page: Page): Promise<void> {
  await page.locator('#check').scrollIntoViewIfNeeded();
  await expect(page.locator('#check')).toHaveAttribute('data-ready', '');
}

/** Forgets that the lesson was read (the progress indicator records a visit on load), as if only now answering. */
async function forgetLesson(page: Page): Promise<void> {
  await page.evaluate(({ key, pack }) => {
    const progress = JSON.parse(localStorage.getItem(key) ?? 'null');
    localStorage.setItem(key, JSON.stringify({ ...progress, lessons: [] }));
    dispatchEvent(new CustomEvent('cc-progress-change', { detail: { pack, source: 'element' } }));
  }, { key: 'cc-progress:wyre', pack: 'wyre' });
  expect((await stored(page, 'wyre')).lessons).toEqual([]);
}

/** Opens the lesson with the check below the fold and checks its script has not loaded; returns the requests seen. */
async function openBeforeTheCheck(page: Page): Promise<string[]> {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  expect(requested.filter(enhancer)).toEqual([]);
  return requested;
}

test('the check\'s code loads only when it nears the viewport', async ({ page }) => {
  const requested = await openBeforeTheCheck(page);
  await expect(page.locator(`#kc-${first.id} input`)).toHaveCount(first.options.length);
  await expect(page.getByText('Checking your answers needs JavaScript')).toBeHidden();

  await ready(page);
  expect(requested.filter(enhancer)).toHaveLength(1);
});

test('Tab from the top of a lesson reaches the check\'s first option before the previous/next links', async ({ page }) => {
  await page.goto(url);
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('.cc-pager') ? 'pager' : el?.closest('#check') ? el.id : null;
    });
    if (reached) {
      expect(reached).toBe(`kc-${first.id}-0`);
      return;
    }
  }
  throw new Error('Tab reached neither the check nor the previous/next links');
});

test('"Check answer" with nothing chosen moves focus to the error, tied to the question', async ({ page }) => {
  await page.goto(url);
  await page.locator(`#kc-${first.id} input`).first().focus();
  await tabTo(page, `#kc-${first.id} button[type=submit]`);
  await page.keyboard.press('Enter');
  const error = page.locator(`#kc-${first.id}-error`);
  await expect(error).toBeFocused();
  await expect(error).toHaveText(first.type === 'single' ? 'Choose an answer, then check it.' : 'Choose at least one answer, then check it.');
  await expect(page.locator(`#kc-${first.id} fieldset`)).toHaveAttribute('aria-describedby', `kc-${first.id}-error`);
  expect(await stored(page, 'wyre').then((p) => p?.checks?.[first.id])).toBeUndefined();
});

test('a submit before the script has loaded waits for it instead of reloading the page', async ({ page }) => {
  const requested = await openBeforeTheCheck(page);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.locator(`#kc-${first.id}`).evaluate((form) => (form as HTMLFormElement).requestSubmit());
  await expect(page.locator(`#kc-${first.id}-error`)).toBeFocused();
  expect(page.url()).not.toContain('?');
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
});

test('answered wrongly by keyboard: explained with focus on the feedback, recorded, lesson read, tried again', async ({ page }) => {
  await page.goto(url);
  await ready(page);
  await forgetLesson(page);
  const { wrong } = answersOf(first);
  await answerCheckByKeyboard(page, first, wrong);

  const feedback = page.locator(`#kc-${first.id}-feedback`);
  await expect(feedback).toBeFocused();
  await expect(feedback).toContainText('Not quite');
  for (const i of wrong) await expect(feedback).toContainText(first.options[i]!.feedback);
  for (const option of first.options.filter((o) => o.correct)) await expect(feedback).toContainText(option.feedback);
  await expect(feedback).not.toHaveAttribute('aria-live');
  const progress = await stored(page, 'wyre');
  expect(progress.checks[first.id]).toEqual({ selected: wrong, correct: false });
  expect(progress.lessons).toEqual([check.lesson]);
  await expect(page.locator('cc-progress [data-field="questions"]')).toHaveText(/^1 of \d+$/);

  // Read-only, with the chosen option marked; restored as it was after a reload.
  const form = page.locator(`#kc-${first.id}`);
  await expect(form.locator('input:disabled')).toHaveCount(first.options.length);
  await expect(form.locator('.cc-choice--chosen input')).toBeChecked();
  await page.reload();
  await ready(page);
  await expect(feedback).toContainText('Not quite');
  await expect(form.locator('.cc-choice--chosen')).toHaveCount(wrong.length);
  await expect(form.getByRole('button', { name: 'Check answer' })).toBeHidden();

  await form.getByRole('button', { name: 'Try question 1 again' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.locator('input').first()).toBeFocused();
  await expect(form.locator('input:checked')).toHaveCount(0);
  await expect(form.locator('input:disabled')).toHaveCount(0);
  await expect(feedback).toBeHidden();
  expect((await stored(page, 'wyre')).checks[first.id]).toBeUndefined();
});

test('answered rightly by keyboard: "Correct", recorded; a required question (not a practice one) counts the lesson as read', async ({ page }) => {
  const question = second ?? first;
  await page.goto(url);
  await ready(page);
  await forgetLesson(page);
  const { right } = answersOf(question);
  await answerCheckByKeyboard(page, question, right);
  const feedback = page.locator(`#kc-${question.id}-feedback`);
  await expect(feedback).toBeFocused();
  await expect(feedback.locator('.cc-feedback__verdict')).toHaveText('Correct.');
  for (const i of right) await expect(feedback).toContainText(question.options[i]!.feedback);
  const progress = await stored(page, 'wyre');
  expect(progress.checks[question.id]).toEqual({ selected: right, correct: true });
  expect(progress.lessons).toEqual(question.practice ? [] : [check.lesson]);
});

test('the progress indicator counts a lesson read when its end is reached, and "start again" clears the check too', async ({ page }) => {
  await page.goto('/wyre/lessons/purpose/');
  const progressThere = page.locator('cc-progress [data-field="lessons"]');
  await expect(progressThere).toHaveText(/^0 of \d+$/);
  await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await expect(progressThere).toHaveText(/^1 of \d+$/);
  await page.goto(url);
  await ready(page);
  await answerCheckByKeyboard(page, first, answersOf(first).right);
  const progress = page.locator('cc-progress');
  await expect(progress.locator('[data-field="lessons"]')).toHaveText(/^2 of \d+$/);
  page.once('dialog', (d) => d.accept());
  await progress.getByRole('button', { name: 'Start again' }).click();
  await expect(progress.locator('[data-field="lessons"]')).toHaveText(/^0 of \d+$/);
  await expect(page.locator(`#kc-${first.id}-feedback`)).toBeHidden();
  await expect(page.locator(`#kc-${first.id} input:enabled`)).toHaveCount(first.options.length);
  // Cleared (the check's store may write back the empty record).
  expect(await stored(page, 'wyre') ?? { lessons: [], checks: {} }).toMatchObject({ lessons: [], checks: {} });
});

test('nothing moves when the script arrives: layout shift under 0.02', async ({ page }) => {
  for (const size of [{ width: 1000, height: 700 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await ready(page);
    await page.waitForTimeout(300);
    const shift = await layoutShift(page);
    expect(shift, `${size.width}×${size.height}`).toBeLessThan(0.02);
  }
});

test('answers kept on this device are restored at once, before the check is in view, so nothing moves', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(url);
  await ready(page);
  await answerCheckByKeyboard(page, first, answersOf(first).wrong);
  await expect(page.locator(`#kc-${first.id}-feedback`)).toBeFocused();

  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(url);
  // Loaded without scrolling: the check is below the fold.
  await expect(page.locator('#check')).toHaveAttribute('data-ready', '');
  expect(await page.locator('#check').evaluate((el) => el.getBoundingClientRect().top > innerHeight)).toBe(true);
  expect(requested.filter(enhancer)).toHaveLength(1);
  await expect(page.locator(`#kc-${first.id}-feedback`)).toBeVisible();
  // Jump straight to it, as a link to #check would.
  await ready(page);
  await page.waitForTimeout(300);
  expect(await layoutShift(page)).toBeLessThan(0.02);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the check\'s controls are in the page, with a note that checking needs JavaScript', async ({ page }) => {
    await page.goto(url);
    await expect(page.locator('cc-progress')).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Check your understanding' })).toBeVisible();
    await expect(page.getByText('Checking your answers needs JavaScript')).toBeVisible();
    for (const question of check.questions) {
      const group = page.getByRole('group', { name: question.prompt });
      await expect(group).toBeVisible();
      const role = question.type === 'single' ? 'radio' : 'checkbox';
      await expect(group.getByRole(role)).toHaveCount(question.options.length);
      for (const option of question.options) await expect(group.getByRole(role, { name: option.text })).toBeEnabled();
    }
    // The buttons need the script, so they are not offered.
    await expect(page.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
  });
});
