/** JavaScript budgets from design.md, on the built pages of every pack: quiz pages 20 KB gzip, other pages 3 KB. */
import { expect, test } from '@playwright/test';
import { budgetFor, builtPages, pageJavaScript } from '../../scripts/lib/pages.ts';
import { expectedPages, packIds } from '../support/packs.ts';

test('every page keeps within its JavaScript budget', () => {
  const pages = builtPages().map((path) => ({ path, ...pageJavaScript(path) }));
  // Every lesson (its knowledge check) and every scenario (its player) of every pack is held to the quiz budget.
  const quizzes = packIds().flatMap((pack) => { const { lessons, scenarios } = expectedPages(pack); return [...lessons, ...scenarios]; });
  expect(pages.filter((p) => p.quiz).map((p) => p.path)).toEqual(expect.arrayContaining(quizzes));
  expect(pages.filter((p) => p.bytes > budgetFor(p.quiz)).map((p) => `${p.path}: ${p.bytes} bytes`)).toEqual([]);
});
