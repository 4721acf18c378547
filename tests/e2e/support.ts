/** What the e2e tests share: the list of built pages and the axe check. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const client = join(import.meta.dirname, '..', '..', 'dist', 'client');

/** Every prerendered page, as the address it is served at (`/wyre/lessons/libel/`). */
export function builtPages(dir = client): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return name === '_astro' ? [] : builtPages(full);
      if (name !== 'index.html') return [];
      const path = relative(client, dir).split(sep).join('/');
      return [path ? `/${path}/` : '/'];
    })
    .sort();
}

export const lessonPages = () => builtPages().filter((p) => /^\/[^/]+\/(lessons|examples)\/[^/]+\/$/.test(p));

/** WCAG 2.2 AA, as public bodies must meet. No rules are disabled. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}
