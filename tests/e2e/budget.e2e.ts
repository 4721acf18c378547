/** JavaScript budgets from design.md, on the built pages: quiz pages 20 KB gzip, other pages 3 KB. */
import { expect, test } from '@playwright/test';
import { budgetFor, builtPages, pageJavaScript } from '../../scripts/lib/pages.ts';

test('every page keeps within its JavaScript budget', () => {
  const pages = builtPages().map((path) => ({ path, ...pageJavaScript(path) }));
  expect(pages.filter((p) => p.quiz).length).toBeGreaterThanOrEqual(67);
  expect(pages.filter((p) => p.bytes > budgetFor(p.quiz)).map((p) => `${p.path}: ${p.bytes} bytes`)).toEqual([]);
});
