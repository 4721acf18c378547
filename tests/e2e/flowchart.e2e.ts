/** The flowchart page draws every node and route from quizzes/flowchart.yaml, in pictures and in words. */
import { expect, test } from '@playwright/test';
import { loadFlowchart } from '../../src/lib/load.ts';
import { contentRoot, packIds } from '../support/packs.ts';

const graph = loadFlowchart(contentRoot);

for (const pack of packIds()) {
  test.describe(`${pack} flowchart page`, () => {
    test.beforeEach(async ({ page }) => {
      await page.goto(`/${pack}/flowchart/`);
    });

    test('the drawing shows all 20 nodes, with no bitmap images', async ({ page }) => {
      const drawing = page.getByRole('img', { name: /Flowchart diagram/ });
      await expect(drawing).toBeVisible();
      const drawn = new Set(await drawing.locator('[data-node]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node'))));
      expect([...drawn].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      await expect(page.locator('main img, main canvas, main picture')).toHaveCount(0);
      for (const node of graph.nodes) {
        if (node.kind === 'question') await expect(drawing.locator(`[data-node="${node.id}"]`)).toHaveText(node.question);
      }
    });

    test('the text version gives every question its yes and no routes', async ({ page }) => {
      const list = page.locator('.cc-flowtext');
      for (const node of graph.nodes) {
        await expect(list.locator(`[data-node="${node.id}"]`).first()).toBeVisible();
        if (node.kind !== 'question') continue;
        const routes = list.locator(`[data-node="${node.id}"] + ul > li`);
        await expect(routes).toHaveCount(2);
        await expect(routes.nth(0)).toHaveAttribute('data-answer', 'yes');
        await expect(routes.nth(0).locator(':scope > [data-node]')).toHaveAttribute('data-node', node.yes);
        await expect(routes.nth(1)).toHaveAttribute('data-answer', 'no');
        await expect(routes.nth(1).locator(':scope > [data-node]')).toHaveAttribute('data-node', node.no);
      }
    });

    test('the five checks, the attribution and the licence are shown', async ({ page }) => {
      const checks = page.locator('[data-check]');
      await expect(checks).toHaveCount(5);
      for (const check of graph.checks) await expect(page.locator(`[data-check="${check.id}"]`)).toContainText(check.label);
      await expect(page.getByText(/Michael Gross/).first()).toBeVisible();
      await expect(page.getByRole('link', { name: /CC BY-NC-SA 3\.0/ })).toHaveAttribute('href', graph.licence.url);
    });

    test('the "read as a list" link takes keyboard users past the drawing', async ({ page }) => {
      await page.getByRole('link', { name: /read the flowchart as a list/ }).focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#text-version$/);
      await expect(page.getByRole('heading', { name: 'The flowchart as a list' })).toBeInViewport();
    });
  });
}
