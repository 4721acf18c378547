/** What the e2e tests share: the list of built pages and the axe check. */
import { builtPages } from '../../scripts/lib/pages.ts';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export { builtPages };

export const lessonPages = () => builtPages().filter((p) => /^\/[^/]+\/(lessons|examples)\/[^/]+\/$/.test(p));

/** WCAG 2.2 AA, as public bodies must meet. No rules are disabled. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}
