/**
 * The scenario player: one scenario of every outcome type in each pack played by keyboard only,
 * with deliberately wrong answers, a reload part-way and a reply that is not the best, checking the
 * recorded decisions against the server's scoring; one press or click per decision; the opening
 * checks on one panel; and where the summary leads.
 */
import { expect, test, type Page } from '@playwright/test';
import { scoreScenario } from '../../src/lib/scoring.ts';
import { stripOrderPrefix } from '../../src/lib/order.ts';
import { loadRules } from '../../src/lib/load.ts';
import { ruleLabels } from '../../src/lib/rule-labels.ts';
import { contentRoot } from '../support/packs.ts';
import { answerByKeyboard, bestReplyButton, decisionAt, graph, packs, replyOrder, scenarioUrl, scenariosOf, stored } from './quiz-support.ts';

const outcomes = graph.nodes.filter((n) => n.kind === 'outcome').map((n) => n.id);
const stageOf = (node: string) => (graph.byId.get(node) as { stage?: string } | undefined)?.stage;
const flip = (a: 'yes' | 'no') => (a === 'yes' ? 'no' : 'yes');

/** Counts the learner's own clicks and key presses on the page (not the test's focus() calls). */
async function countActions(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { actions: number };
    w.actions = 0;
    addEventListener('click', (e) => { if (e.isTrusted) w.actions++; }, true);
  });
}

for (const pack of packs) {
  const scenarios = scenariosOf(pack);
  for (const outcome of outcomes) {
    const scenario = scenarios.find((s) => s.data.outcome === outcome)!;
    test(`${pack}: "${outcome}" scenario by keyboard, with wrong answers and a reload`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(scenarioUrl(scenario));
      await expect(page.locator('[data-island][data-ready]')).toHaveCount(1);
      const { path, replies } = scenario.data;
      // Wrong at the first and the last question; the learner is still taken along the canonical path.
      const wrong = new Set([0, path.length - 1]);
      const given = path.map((step, i) => ({ node: step.node, answer: wrong.has(i) ? flip(step.answer) : step.answer }));
      await page.locator('.cc-player h2').focus();
      for (const [i, step] of given.entries()) {
        await answerByKeyboard(page, step.node, step.answer, !wrong.has(i));
        if (wrong.has(i)) await expect(decisionAt(page, step.node)).toContainText(path[i]!.source);
        if (i === 0 && path.length > 1) {
          // A reload resumes at the next unanswered question, with the answer given so far shown.
          await page.reload();
          await expect(decisionAt(page, step.node).locator('h4')).toHaveText(/^Not quite/);
          await expect(page.locator('.cc-decision[data-next]')).toHaveAttribute('data-node', path[1]!.node);
          await page.locator('.cc-player h2').focus();
        }
      }
      let reply: number | undefined;
      if (replies) {
        // Pick a reply that is not the best, to see its checks named, and its policy rules where it breaks any (F17).
        const breaksRule = replies.findIndex((r) => r.rules.length > 0);
        reply = breaksRule >= 0 ? breaksRule : replies.findIndex((r) => r.breaks.length > 0);
        await page.keyboard.press('Tab');
        for (let i = 0; i < replyOrder(scenario).indexOf(reply); i++) await page.keyboard.press('Tab');
        await expect(page.locator(':focus')).toHaveText(`Choose reply ${replyOrder(scenario).indexOf(reply) + 1}`);
        await page.keyboard.press('Enter');
        const heading = page.locator('.cc-replies h4');
        await expect(heading).toBeFocused();
        await expect(heading).toHaveText('Not the best reply');
        await expect(page.locator('.cc-replies')).toContainText('It breaks:');
        if (breaksRule >= 0) {
          // Named by title and section, not by bare ID.
          const labels = ruleLabels(loadRules(contentRoot, pack), replies[reply]!.rules);
          await expect(page.locator('.cc-feedback__rules')).toHaveText(`Policy rules it breaks: ${replies[reply]!.rules.map((r) => labels[r]).join('; ')}.`);
        }
      }
      const expected = scoreScenario(scenario.data, { answers: given, reply });
      await expect(page.locator('.cc-player h3', { hasText: 'Summary' })).toHaveText(`Summary: ${expected.correct} of ${expected.total} right`);
      await expect(page.locator('.cc-summary__table tbody tr')).toHaveCount(path.length);
      await expect(page.locator('.cc-summary__row--wrong')).toHaveCount(wrong.size);
      await expect(page.locator('.cc-player')).toContainText(`Outcome: ${(graph.byId.get(outcome) as { label: string }).label}.`);

      // Stored exactly as before, and the server's re-scoring of what was stored agrees.
      const record = (await stored(page, pack)).scenarios[scenario.id];
      expect(record.answers).toEqual(expected.decisions);
      expect(record.done).toBe(true);
      expect(record.reply).toBe(reply);
      const rescored = scoreScenario(scenario.data, { answers: record.answers.map(({ node, answer }: { node: string; answer: 'yes' | 'no' }) => ({ node, answer })), reply: record.reply });
      expect(rescored.correct).toBe(expected.correct);
      expect(rescored.decisions.map((d) => d.correct)).toEqual(record.answers.map((a: { correct: boolean }) => a.correct));
      expect(errors).toEqual([]);
    });
  }
}

test('each decision and the reply take one click; the opening checks share one panel and open in order', async ({ page }) => {
  const scenario = scenariosOf('wyre').find((s) => s.data.replies && s.data.path.length >= 5)!;
  await countActions(page);
  await page.goto(scenarioUrl(scenario));
  await expect(page.locator('[data-island][data-ready]')).toHaveCount(1);
  const panel = page.locator('.cc-opening');
  const first = scenario.data.path.filter((s) => stageOf(s.node) === 'first');
  await expect(panel.locator('h3')).toHaveText('Three checks before anything else');
  await expect(panel.locator('.cc-decision')).toHaveCount(first.length);
  // Only the first check can be answered until it is.
  await expect(panel.getByRole('button', { name: 'Yes' }).nth(1)).toBeDisabled();
  await expect(page.locator('.cc-trunk')).toHaveCount(0);
  for (const [i, step] of scenario.data.path.entries()) {
    await decisionAt(page, step.node).getByRole('button', { name: step.answer === 'yes' ? 'Yes' : 'No' }).click();
    await expect(decisionAt(page, step.node).locator('h4')).toBeFocused();
    // The feedback stays, as a transcript, and the next question is already there below it.
    await expect(page.locator('.cc-decision h4')).toHaveCount(i + 1);
    const next = scenario.data.path[i + 1];
    if (next) await expect(decisionAt(page, next.node).getByRole('button', { name: 'Yes' })).toBeEnabled();
  }
  await expect(page.locator('.cc-outcome')).toBeVisible();
  await bestReplyButton(page, scenario).click();
  await expect(page.locator('.cc-replies h4')).toHaveText('Good choice');
  await expect(page.locator('.cc-player h3', { hasText: 'Summary' })).toBeVisible();
  const clicks = await page.evaluate(() => (window as unknown as { actions: number }).actions);
  expect(clicks).toBe(scenario.data.path.length + 1);
});

test('a path that leaves the opening checks shows only the checks on it', async ({ page }) => {
  const scenario = scenariosOf('wyre').find((s) => s.data.outcome === 'o-capture-report' && s.data.path.length === 1)!;
  await page.goto(scenarioUrl(scenario));
  await expect(page.locator('.cc-opening h3')).toHaveText('One check before anything else');
  await expect(page.locator('.cc-opening .cc-decision')).toHaveCount(1);
  await decisionAt(page, 'q-unlawful').getByRole('button', { name: 'Yes' }).click();
  await expect(page.locator('.cc-trunk')).toHaveCount(0);
  await expect(page.locator('.cc-player h3', { hasText: 'Summary' })).toHaveText('Summary: 1 of 1 right');
});

test('the summary leads to the next scenario and to the list; the last induction one to the assessment; "try again" starts afresh', async ({ page }) => {
  const scenarios = scenariosOf('ashfield');
  const [first, second] = scenarios;
  const last = scenarios.at(-1)!;
  // Both finished already: the stored record drives the view.
  await page.addInitScript(([a, b, p]) => {
    const done = (path: { node: string; answer: string }[]) => ({ answers: path.map((s) => ({ ...s, correct: true })), reply: 0, replyCorrect: false, done: true });
    localStorage.setItem('cc-progress:ashfield', JSON.stringify({ v: 1, pack: 'ashfield', lessons: [], checks: {}, scenarios: { [a!]: done(p![0]!), [b!]: done(p![1]!) } }));
  }, [first!.id, last.id, [first!.data.path, last.data.path].map((p) => p.map(({ node, answer }) => ({ node, answer })))] as const);
  await page.goto(scenarioUrl(first!));
  const onward = page.getByRole('navigation', { name: 'After this scenario' });
  await expect(onward.getByRole('link', { name: `Next scenario: ${second!.data.title}` })).toHaveAttribute('href', `/ashfield/scenarios/${stripOrderPrefix(second!.id)}/`);
  await expect(onward.getByRole('link', { name: 'All scenarios' })).toHaveAttribute('href', '/ashfield/scenarios/');
  await page.getByRole('button', { name: 'Try this scenario again' }).click();
  await expect(page.locator('.cc-player h2')).toBeFocused();
  await expect(page.locator('.cc-summary')).toHaveCount(0);
  await expect(page.locator('.cc-decision[data-next]')).toHaveAttribute('data-node', first!.data.path[0]!.node);
  expect((await stored(page, 'ashfield')).scenarios[first!.id]).toBeUndefined();

  // The pack's last scenario is its last induction scenario: next comes the final assessment.
  await page.goto(scenarioUrl(last));
  await expect(onward.getByRole('link')).toHaveCount(2);
  await expect(onward.getByRole('link', { name: 'Next step: the final assessment' })).toHaveAttribute('href', '/ashfield/assessment/');
  await expect(onward.getByRole('link', { name: 'All scenarios' })).toHaveAttribute('href', '/ashfield/scenarios/');
});

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
    await expect(page.locator('.cc-decision[data-next]')).toHaveAttribute('data-node', scenario.data.path[0]!.node);
    await expect(page.locator('.cc-decision h4')).toHaveCount(0);
    await expect(page.locator('[data-field="scenarios"]')).toHaveText(/^0 of \d+$/);
    await expect(page.locator('[data-field="lessons"]')).toHaveText(/^0 of \d+$/);
    await expect(page.locator('.cc-player h2')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('a press on the player before its code has arrived is not lost: it is pressed again once the player is there', async ({ page }) => {
  const scenario = scenariosOf('wyre')[0]!;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/scenario-player-mount*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(scenarioUrl(scenario));
  const first = scenario.data.path[0]!;
  await page.getByRole('button', { name: first.answer === 'yes' ? 'Yes' : 'No' }).first().click();
  release();
  await expect(page.locator('[data-island="scenario-player"]')).toHaveAttribute('data-ready', '');
  await expect.poll(async () => (await stored(page, 'wyre'))?.scenarios?.[scenario.id]?.answers).toEqual([{ node: first.node, answer: first.answer, correct: true }]);
});
