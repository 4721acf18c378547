/**
 * Every built page of every pack is there and every internal link works; one page of each template
 * (the one with the most markup) loads and passes axe, and so do the 404, privacy and verification
 * pages. axe on every page of every pack is in the reliability tier (axe-sweep.e2e.ts).
 */
import { expect, test } from '@playwright/test';
import { expectedPages, packIds, SHIPPED_PACKS } from '../support/packs.ts';
import { builtPages, expectNoAxeViolations, expectPageLoadsAndPassesAxe } from './support.ts';
import { representatives, templateOf, TEMPLATES } from './a11y-support.ts';

const pages = builtPages();

test('the build has the home page and, for every pack under content/, every page its files call for', () => {
  expect(pages).toContain('/');
  expect(packIds()).toEqual(expect.arrayContaining([...SHIPPED_PACKS]));
  for (const pack of packIds()) {
    const expected = expectedPages(pack);
    expect(expected.lessons.length, pack).toBeGreaterThan(0);
    expect(pages.filter((p) => p.startsWith(`/${pack}/`)), pack).toEqual(expect.arrayContaining(expected.all));
  }
});

test('every internal link on every page answers 200', async ({ request }) => {
  const links = new Set<string>();
  for (const path of pages) {
    const html = await (await request.get(path)).text();
    for (const [, href] of html.matchAll(/href="(\/[^"#]*)(?:#[^"]*)?"/g)) links.add(href!);
  }
  expect(links.size).toBeGreaterThan(40);
  const broken: string[] = [];
  for (const href of links) {
    const response = await request.get(href);
    if (response.status() !== 200) broken.push(`${href} → ${response.status()}`);
  }
  expect(broken).toEqual([]);
});

test('an unknown address gets the 404 page, which passes axe', async ({ page }) => {
  const response = await page.goto('/wyre/lessons/no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectNoAxeViolations(page);
});

test('every built page is of a template named in a11y-support.ts, and every template has pages', () => {
  expect(pages.filter((p) => !templateOf(p))).toEqual([]);
  expect(representatives(pages).map((r) => r.template)).toEqual(TEMPLATES.map(([name]) => name));
});

for (const { template, path } of representatives(pages)) {
  test(`${template} (${path}) loads and passes axe`, async ({ page }) => {
    await expectPageLoadsAndPassesAxe(page, path);
  });
}

// On-demand pages that hold no one's data; journey.e2e.ts scans sign-off, the assessment, a certificate and its verification.
for (const path of ['/privacy/', '/verify/']) {
  test(`${path} (on demand) loads and passes axe`, async ({ page }) => {
    await expectPageLoadsAndPassesAxe(page, path);
  });
}

test('pages reflow at 320 CSS pixels wide without sideways scrolling (WCAG 1.4.10)', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const sample = ['/', '/wyre/', '/ashfield/contents/', '/wyre/lessons/libel/', '/ashfield/examples/election-periods/', '/wyre/flowchart/'];
  for (const path of sample) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
