/**
 * The scenario player, driven by keyboard only: one scenario of every outcome type in each pack,
 * each with a deliberately wrong answer, checking the recorded decisions, the score, and that a
 * reload in the middle resumes where the learner was.
 */
import { expect, test } from '@playwright/test';
import { scoreScenario } from '../../src/lib/scoring.ts';
import { answerByKeyboard, chooseRadio, graph, packs, replyOrder, scenarioUrl, scenariosOf, stored, tabTo } from './quiz-support.ts';

const outcomes = graph.nodes.filter((n) => n.kind === 'outcome').map((n) => n.id);

for (const pack of packs) {
  const scenarios = scenariosOf(pack);
  for (const outcome of outcomes) {
    const scenario = scenarios.find((s) => s.data.outcome === outcome)!;
    test(`${pack}: "${outcome}" scenario by keyboard, with a wrong answer and a reload`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(scenarioUrl(scenario));
      const { path, replies } = scenario.data;
      // Answer the last question wrongly; the learner is still taken along the canonical path.
      const wrongAt = path.length - 1;
      const given = path.map((step, i) => ({ node: step.node, answer: i === wrongAt ? (step.answer === 'yes' ? 'no' : 'yes') : step.answer } as const));
      await page.locator('legend[tabindex="-1"]').focus();
      for (const [i, step] of given.entries()) {
        await answerByKeyboard(page, step.answer, i !== wrongAt);
        if (i === wrongAt) await expect(page.locator('.cc-feedback')).toContainText(path[i]!.source);
        if (i === 0 && path.length > 1) {
          await page.reload();
          await expect(page.locator('legend')).toContainText(`Question 2 of ${path.length}`);
          await page.locator('legend[tabindex="-1"]').focus();
          continue;
        }
        await tabTo(page, '.cc-feedback button');
        await page.keyboard.press('Enter');
      }
      let reply: number | undefined;
      if (replies) {
        // Pick a reply that is not the best, to see its checks named.
        reply = replies.findIndex((r) => r.breaks.length > 0);
        await expect(page.locator('.cc-outcome h3')).toBeFocused();
        await tabTo(page, 'input[type=radio]');
        await chooseRadio(page, replyOrder(scenario).indexOf(reply));
        await tabTo(page, 'button[type=submit]');
        await page.keyboard.press('Enter');
        await expect(page.locator('.cc-feedback h3')).toHaveText('Not the best reply');
        await expect(page.locator('.cc-feedback')).toContainText('It breaks:');
        await tabTo(page, '.cc-feedback button');
        await page.keyboard.press('Enter');
      }
      const expected = scoreScenario(scenario.data, { answers: given, reply });
      const summary = page.locator('.cc-player h3', { hasText: 'Summary' });
      await expect(summary).toBeFocused();
      await expect(summary).toHaveText(`Summary: ${expected.correct} of ${expected.total} right`);
      await expect(page.locator('.cc-summary__table tbody tr')).toHaveCount(path.length);
      await expect(page.locator('.cc-player')).toContainText(`Outcome: ${(graph.byId.get(outcome) as { label: string }).label}.`);

      const record = (await stored(page, pack)).scenarios[scenario.id];
      expect(record.answers).toEqual(expected.decisions);
      expect(record.done).toBe(true);
      expect(record.reply).toBe(reply);
      expect(errors).toEqual([]);
    });
  }
}

test('the scenarios list shows each scenario\'s status from stored progress', async ({ page }) => {
  const [first, second] = scenariosOf('wyre');
  await page.addInitScript(([a, b]) => {
    localStorage.setItem('cc-progress:wyre', JSON.stringify({
      v: 1, pack: 'wyre', lessons: [], checks: {},
      scenarios: { [a!]: { answers: [{ node: 'q-unlawful', answer: 'no', correct: true }], done: false }, [b!]: { answers: [{ node: 'q-unlawful', answer: 'yes', correct: false }], done: true } },
    }));
  }, [first!.id, second!.id]);
  await page.goto('/wyre/scenarios/');
  await expect(page.locator(`[data-scenario-status="${first!.id}"]`)).toHaveText('In progress');
  await expect(page.locator(`[data-scenario-status="${second!.id}"]`)).toHaveText('Done: 0 of 1 right');
  await expect(page.locator('[data-scenario-status]').nth(2)).toHaveText('Not started');
});

for (const [label, value] of [
  ['garbage', '}{not json'],
  ['an old schema', JSON.stringify({ v: 0, pack: 'wyre', lessons: ['x'], checks: {}, scenarios: {} })],
  ['another pack\'s progress', JSON.stringify({ v: 1, pack: 'ashfield', lessons: [], checks: {}, scenarios: {} })],
  ['a hostile value', JSON.stringify({ v: 1, pack: 'wyre', lessons: ['<img src=x onerror=alert(1)>'], checks: {}, scenarios: {} })],
  // Well-formed, but from before the scenario was edited: its answers are at other questions.
  ['a record that no longer fits the scenario', JSON.stringify({ v: 1, pack: 'wyre', lessons: [], checks: {}, scenarios: {
    [scenariosOf('wyre')[0]!.id]: { answers: [{ node: 'q-positive', answer: 'yes', correct: true }], done: false },
  } })],
]) {
  test(`stored progress that is ${label} is ignored without an error`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => errors.push(`dialog: ${d.message()}`));
    await page.addInitScript((v) => localStorage.setItem('cc-progress:wyre', v), value);
    const scenario = scenariosOf('wyre')[0]!;
    await page.goto(scenarioUrl(scenario));
    await expect(page.locator('legend')).toContainText(`Question 1 of ${scenario.data.path.length}`);
    await expect(page.locator('[data-field="scenarios"]')).toHaveText(/^0 of \d+ done$/);
    await expect(page.locator('[data-field="lessons"]')).toHaveText(/^0 of \d+$/);
    await expect(page.locator('.cc-player h2')).toBeVisible();
    expect(errors).toEqual([]);
  });
}
