/**
 * What the axe tests share. The fast tier (`npm test`) scans one page per template and walks one
 * quiz through every island state; the reliability tier (axe-sweep.e2e.ts) does the same on every
 * page and every quiz. Both use these helpers, so a scan means the same in each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { ScenarioEntry } from '../../src/lib/load.ts';
import { client } from '../../scripts/lib/pages.ts';
import { expectNoAxeViolations } from './support.ts';
import { bestReplyButton, decisionAt, graph, scenarioUrl } from './quiz-support.ts';

/**
 * The prerendered page templates, by address (first match wins). Every built page must match one:
 * a new kind of page fails pages.e2e.ts until it is named here, and so gets its own scan.
 */
export const TEMPLATES: readonly (readonly [string, RegExp])[] = [
  ['home', /^\/$/],
  ['course page', /^\/[^/]+\/$/],
  ['contents', /^\/[^/]+\/contents\/$/],
  ['flowchart', /^\/[^/]+\/flowchart\/$/],
  ['scenario list', /^\/[^/]+\/scenarios\/$/],
  ['lesson with its knowledge check', /^\/[^/]+\/lessons\/[^/]+\/$/],
  ['example with its knowledge check', /^\/[^/]+\/examples\/[^/]+\/$/],
  ['scenario', /^\/[^/]+\/scenarios\/[^/]+\/$/],
];

export const templateOf = (path: string): string | undefined => TEMPLATES.find(([, pattern]) => pattern.test(path))?.[0];

/**
 * One page per template: the one with the most markup (the largest built HTML), so the scan sees
 * the most headings, tables, lists, links and questions that template ever holds.
 */
export function representatives(pages: string[], base: string = client): { template: string; path: string }[] {
  const size = (path: string) => readFileSync(join(base, path, 'index.html')).length;
  return TEMPLATES.flatMap(([template]) => {
    const of = pages.filter((p) => templateOf(p) === template).sort((a, b) => size(b) - size(a) || a.localeCompare(b));
    return of.length ? [{ template, path: of[0]! }] : [];
  });
}

const label = (a: 'yes' | 'no') => (a === 'yes' ? 'Yes' : 'No');

/**
 * The scenario player's states, each scanned: the opening checks as mounted, feedback on a wrong
 * answer, part-way (the flowchart's first question after the opening checks), the drafted replies,
 * and the summary.
 */
export async function axeScenarioStates(page: Page, scenario: ScenarioEntry): Promise<void> {
  await page.goto(scenarioUrl(scenario));
  await expect(page.locator('[data-island][data-ready]')).toHaveCount(1);
  await expectNoAxeViolations(page);

  const { path, replies } = scenario.data;
  const opening = path.findIndex((s) => (graph.byId.get(s.node) as { stage?: string }).stage !== 'first');
  for (const [i, step] of path.entries()) {
    const wrong = i === 0;
    await decisionAt(page, step.node).getByRole('button', { name: label(wrong ? (step.answer === 'yes' ? 'no' : 'yes') : step.answer) }).click();
    await expect(decisionAt(page, step.node).locator('h4')).toHaveText(wrong ? /^Not quite/ : /^Right/);
    if (wrong) await expectNoAxeViolations(page);
    if (i + 1 === opening) {
      await expect(page.locator('.cc-trunk .cc-decision')).toHaveCount(1);
      await expectNoAxeViolations(page);
    }
  }
  if (replies) {
    await expect(page.locator('.cc-replies__list')).toBeVisible();
    await expectNoAxeViolations(page);
    await bestReplyButton(page, scenario).click();
  }
  await expect(page.locator('.cc-player h3', { hasText: 'Summary' })).toBeVisible();
  await expectNoAxeViolations(page);
}

/**
 * A knowledge check's states, each scanned: as served (mounted), "Check answer" with nothing chosen
 * (the error), feedback on the first question, and every question answered.
 */
export async function axeCheckStates(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const check = page.locator('#check');
  await check.scrollIntoViewIfNeeded();
  await expect(check).toHaveAttribute('data-ready', '');
  await expectNoAxeViolations(page);

  const forms = check.locator('form');
  const count = await forms.count();
  for (let i = 0; i < count; i++) {
    const form = forms.nth(i);
    // The first question is answered with nothing chosen (an error), then with its first option
    // (wrong for most questions); the rest with their first option.
    if (i === 0) {
      await form.getByRole('button', { name: 'Check answer' }).click();
      await expect(form.locator('.cc-question__error')).toBeFocused();
      await expectNoAxeViolations(page);
    }
    await form.locator('input').first().check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect(form.locator('.cc-feedback')).toBeFocused();
    if (i === 0) await expectNoAxeViolations(page);
  }
  await expectNoAxeViolations(page);
}
