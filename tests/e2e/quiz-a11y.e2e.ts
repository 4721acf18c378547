/**
 * axe on every quiz: each scenario with its opening checks, after a wrong answer, part-way (at the
 * flowchart's first question after the checks), choosing a reply, and at the summary; each lesson's
 * knowledge check mounted, after a wrong answer, and answered.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, lessonPages } from './support.ts';
import { bestReplyButton, decisionAt, graph, packs, scenarioUrl, scenariosOf } from './quiz-support.ts';

const label = (a: 'yes' | 'no') => (a === 'yes' ? 'Yes' : 'No');

for (const pack of packs) {
  for (const scenario of scenariosOf(pack)) {
    test(`${scenarioUrl(scenario)}: axe at the opening checks, after a wrong answer, part-way, at the replies and at the summary`, async ({ page }) => {
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
        // Part-way: at the first of the flowchart's own questions, after the opening checks.
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
    });
  }
}

for (const path of lessonPages()) {
  test(`${path}: knowledge check passes axe as served, with an error, and answered`, async ({ page }) => {
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
  });
}
