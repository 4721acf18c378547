/** axe on every quiz page in its initial state, after a wrong answer, and in its summary state. */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, lessonPages } from './support.ts';
import { packs, scenarioUrl, scenariosOf } from './quiz-support.ts';

async function answerScenario(page: Page, answer: 'yes' | 'no'): Promise<void> {
  await page.locator('.cc-question input[value="' + answer + '"]').check();
  await page.getByRole('button', { name: 'Answer' }).click();
  await page.locator('.cc-feedback button').click();
}

for (const pack of packs) {
  for (const scenario of scenariosOf(pack)) {
    test(`${scenarioUrl(scenario)}: axe at the start, after a wrong answer, and at the summary`, async ({ page }) => {
      await page.goto(scenarioUrl(scenario));
      await expect(page.locator('[data-island][data-ready]')).toHaveCount(1);
      await expectNoAxeViolations(page);

      const [first, ...rest] = scenario.data.path;
      await page.locator(`.cc-question input[value="${first!.answer === 'yes' ? 'no' : 'yes'}"]`).check();
      await page.getByRole('button', { name: 'Answer' }).click();
      await expect(page.locator('.cc-feedback h3')).toHaveText(/^Not quite/);
      await expectNoAxeViolations(page);
      await page.locator('.cc-feedback button').click();

      for (const step of rest) await answerScenario(page, step.answer);
      if (scenario.data.replies) {
        await page.locator('.cc-question input[type=radio]').first().check();
        await page.getByRole('button', { name: 'Choose this reply' }).click();
        await page.locator('.cc-feedback button').click();
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
