/** Lessons: no JavaScript at all, readable with it switched off, and previous/next through each pack. */
import { expect, test, type Page } from '@playwright/test';
import { expectedPages, packIds } from '../support/packs.ts';
import { expectLessonReadsWithoutJs, expectNoAxeViolations, lessonPages } from './support.ts';

const lessons = lessonPages();

test('a lesson\'s text needs no script: the only scripts are the progress indicator and the knowledge check loader', async ({ request }) => {
  expect(lessons).toEqual(expect.arrayContaining(packIds().flatMap((pack) => expectedPages(pack).lessons)));
  for (const path of lessons) {
    const html = await (await request.get(path)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    // Module scripts (the two above, bundled) and the knowledge check's answers and feedback as JSON data.
    expect(scripts.every((attrs) => /type="(module|application\/json)"/.test(attrs)), path).toBe(true);
  }
});

test('every lesson reads correctly with JavaScript disabled', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of lessons) await expectLessonReadsWithoutJs(page, path);
  await context.close();
});

/**
 * Scrolls to the knowledge check and waits for its script, as a reader going to the links at the
 * foot of the page would, so nothing is still loading when a link is clicked.
 */
async function settle(page: Page): Promise<void> {
  const check = page.locator('#check');
  await check.scrollIntoViewIfNeeded();
  await expect(check).toHaveAttribute('data-ready', '');
}

/** Follows the link named `link` from page to page until there is none; returns the headings read. */
async function follow(page: Page, link: RegExp, onEach?: (n: number) => Promise<void>): Promise<string[]> {
  const headings: string[] = [];
  for (;;) {
    headings.push(await page.getByRole('heading', { level: 1 }).innerText());
    await onEach?.(headings.length);
    await settle(page);
    const next = page.getByRole('link', { name: link });
    if ((await next.count()) === 0) return headings;
    const href = (await next.getAttribute('href'))!;
    await next.click();
    await page.waitForURL(href, { waitUntil: 'domcontentloaded' });
  }
}

for (const pack of packIds()) {
  test(`${pack}: "Next lesson" walks the contents in order, and "Previous lesson" walks back`, async ({ page }) => {
    // Up to 40 page loads, while other tests run alongside.
    test.setTimeout(120_000);
    await page.goto(`/${pack}/contents/`);
    const contents = await page.getByRole('main').locator('.cc-contents a').allInnerTexts();
    expect(contents).toHaveLength(expectedPages(pack).lessons.length);

    await page.getByRole('main').locator('.cc-contents a').first().click();
    const forward = await follow(page, /^Next lesson/, (n) => expect(page.getByText(`Lesson ${n} of ${contents.length}`)).toBeVisible());
    expect(forward).toEqual(contents);
    await expect(page.getByRole('link', { name: /You have reached the last lesson/ })).toHaveAttribute('href', `/${pack}/scenarios/`);

    const backward = await follow(page, /^Previous lesson/);
    expect(backward).toEqual([...contents].reverse());
  });
}

test('the skip link is the first thing a keyboard reaches and moves to the main content', async ({ page }) => {
  await page.goto(lessons[0]!);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('the lesson contents opens by keyboard and marks the current lesson', async ({ page }) => {
  const path = lessons[3]!;
  await page.goto(path);
  const summary = page.locator('summary', { hasText: 'Course contents' });
  await summary.focus();
  await page.keyboard.press('Enter');
  const current = page.locator('.cc-toc a[aria-current="page"]');
  await expect(current).toBeVisible();
  await expect(current).toHaveAttribute('href', path);
  await expectNoAxeViolations(page);
});

test('a lesson prints without site navigation', async ({ page }) => {
  await page.goto(lessons[0]!);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Lesson navigation' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
