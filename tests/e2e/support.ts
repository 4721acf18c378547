/** What the e2e tests share: the list of built pages, the checks every page and lesson gets, and the answer-key search. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, client } from '../../scripts/lib/pages.ts';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { bankOf } from './server-support.ts';

export { builtPages };

export const lessonPages = (dir: string = client) => builtPages(dir).filter((p) => /^\/[^/]+\/(lessons|examples)\/[^/]+\/$/.test(p));

/** WCAG 2.2 AA, as public bodies must meet. No rules are disabled. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** The check every built page gets: it loads, has one h1 and a main landmark, and axe finds nothing. */
export async function expectPageLoadsAndPassesAxe(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
  await expect(page.getByRole('main'), path).toBeVisible();
  await expectNoAxeViolations(page);
}

/** The check every lesson gets, on a page with JavaScript switched off: its text and its knowledge check's controls are all there. */
export async function expectLessonReadsWithoutJs(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
  await expect(page.getByRole('heading', { name: 'In practice' }), path).toBeVisible();
  await expect(page.getByText(/^Source: /), path).toBeVisible();
  await expect(page.getByText(/^In short:/), path).toBeVisible();
  expect((await page.getByRole('main').innerText()).length, path).toBeGreaterThan(1000);
  // The knowledge check's controls are in the page too (checking answers needs the script).
  await expect(page.getByRole('heading', { name: 'Check your understanding' }), path).toBeVisible();
  await expect(page.locator('#check input').first(), path).toBeVisible();
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Letters and digits only, single-spaced: finds text whether it was HTML-escaped, JSON-escaped or re-wrapped. */
const normalise = (text: string) =>
  text.replace(/&#?[a-z0-9]+;|\\[nrtu"'\\]/gi, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();

/** A search of every file of a build's client folder: does any of them hold `text`, however escaped? */
export function clientSearch(dir: string = client): { size: number; holds: (text: string) => boolean } {
  const everything = files(dir).map((f) => normalise(readFileSync(f, 'utf8'))).join('\n');
  return { size: everything.length, holds: (text) => everything.includes(normalise(text)) };
}

/** A pack's assessment questions, option feedback and explanations that a client build holds: there must be none. */
export function leakedAnswers(search: ReturnType<typeof clientSearch>, pack: string, root?: string): string[] {
  return bankOf(pack, root).flatMap((q) =>
    [q.prompt, q.explanation, ...q.options.map((o) => o.feedback)].filter(search.holds).map((text) => `${pack}/${q.id}: ${text.slice(0, 60)}`));
}
