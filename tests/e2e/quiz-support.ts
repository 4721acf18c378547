/** Quiz data as e2e fixtures, and keyboard-only helpers for driving the knowledge checks and scenarios. */
import { expect, type Frame, type Page } from '@playwright/test';
import { loadChecks, loadFlowchart, loadScenarios, type ScenarioEntry } from '../../src/lib/load.ts';
import type { Question } from '../../src/schemas/check.ts';
import { stableShuffle, stripOrderPrefix } from '../../src/lib/order.ts';
import { isBestReply } from '../../src/lib/scoring.ts';
import { contentRoot as root, lessonUrl, packIds } from '../support/packs.ts';

export { lessonUrl };
export const graph = loadFlowchart(root);
/** Every pack under content/ (tests/support/packs.ts). */
export const packs = packIds();
export const scenariosOf = (pack: string) => loadScenarios(root, pack, graph);
export const checksOf = (pack: string) => loadChecks(root, pack);
export const scenarioUrl = (s: ScenarioEntry) => `/${s.pack}/scenarios/${stripOrderPrefix(s.id)}/`;
export const replyOrder = (s: ScenarioEntry) => stableShuffle(s.data.replies?.length ?? 0, `${s.pack}/${s.id}`);

/** Presses Tab until the focused element matches `selector` (at most 15 presses). */
export async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** From a focused radio group's first option, selects option `index` by keyboard (Space, or arrows). */
export async function chooseRadio(page: Page, index: number): Promise<void> {
  if (index === 0) await page.keyboard.press('Space');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
}

/**
 * Answers a knowledge-check question by keyboard: focuses its first option, chooses `indexes`
 * (arrow keys for radios, Space on each checkbox), then Tabs to "Check answer" and presses Enter.
 */
export async function answerCheckByKeyboard(page: Page, question: Question, indexes: number[]): Promise<void> {
  const form = `#kc-${question.id}`;
  await page.locator(`${form} input`).first().focus();
  if (question.type === 'single') await chooseRadio(page, indexes[0]!);
  else {
    for (let i = 0; i < question.options.length; i++) {
      if (indexes.includes(i)) await page.keyboard.press('Space');
      if (i < question.options.length - 1) await page.keyboard.press('Tab');
    }
  }
  await tabTo(page, `${form} button[type=submit]`);
  await page.keyboard.press('Enter');
}

/** Answers a knowledge-check question with the mouse, choosing `indexes`, and waits for its feedback. */
export async function answerCheck(page: Page | Frame, question: Question, indexes: number[]): Promise<void> {
  const form = page.locator(`#kc-${question.id}`);
  for (const i of indexes) await form.locator('input').nth(i).check();
  await form.getByRole('button', { name: 'Check answer' }).click();
  await expect(form.locator('.cc-feedback')).toBeFocused();
}

/** The options of a question that are right, and a wrong answer (every wrong option for multiple choice). */
export function answersOf(question: Question): { right: number[]; wrong: number[] } {
  const right = question.options.flatMap((o, i) => (o.correct ? [i] : []));
  const wrong = question.options.flatMap((o, i) => (o.correct ? [] : [i]));
  return { right, wrong: question.type === 'single' ? wrong.slice(0, 1) : wrong };
}

/**
 * Cumulative layout shift so far (shifts not caused by recent input), from every `layout-shift`
 * entry since the page started loading (buffered), as Lighthouse and CrUX count it for a session.
 */
export async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    let total = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) total += entry.value;
      }
    });
    observer.observe({ type: 'layout-shift', buffered: true });
    // Buffered entries arrive in the observer's first callback; there is none when nothing shifted.
    setTimeout(() => { observer.disconnect(); resolve(total); }, 500);
  }));
}

/** Stored progress for a pack, as the islands wrote it. */
export async function stored(page: Page, pack: string): Promise<any> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), `cc-progress:${pack}`);
}

/** The scenario player's question at a flowchart node (a node comes once on a path). */
export const decisionAt = (where: Page | Frame, node: string) => where.locator(`.cc-decision[data-node="${node}"]`);

/**
 * Answers the scenario's next question by keyboard with one press of Enter. Focus must be just
 * before it (on the player's heading, or on the feedback just given): its Yes button is the next
 * Tab stop, No the one after. Checks that focus then moves to the answer's feedback heading.
 */
export async function answerByKeyboard(page: Page, node: string, answer: 'yes' | 'no', expectRight: boolean): Promise<void> {
  const decision = decisionAt(page, node);
  await page.keyboard.press('Tab');
  await expect(decision.getByRole('button', { name: 'Yes' })).toBeFocused();
  if (answer === 'no') {
    await page.keyboard.press('Tab');
    await expect(decision.getByRole('button', { name: 'No' })).toBeFocused();
  }
  await page.keyboard.press('Enter');
  const heading = decision.locator('h4');
  await expect(heading).toBeFocused();
  await expect(heading).toHaveText(expectRight ? /^Right/ : /^Not quite/);
}

/** The button that picks the best drafted reply, as the player orders them. */
export function bestReplyButton(where: Page | Frame, scenario: ScenarioEntry) {
  const best = scenario.data.replies!.findIndex(isBestReply);
  return where.locator('.cc-player').getByRole('button', { name: `Choose reply ${replyOrder(scenario).indexOf(best) + 1}` });
}

/** Plays a scenario to its summary with the mouse: one click per question, and one for the best reply. */
export async function playScenario(where: Page | Frame, scenario: ScenarioEntry): Promise<void> {
  for (const step of scenario.data.path) {
    await decisionAt(where, step.node).getByRole('button', { name: step.answer === 'yes' ? 'Yes' : 'No' }).click();
    await expect(decisionAt(where, step.node).locator('h4')).toHaveText(/^Right/);
  }
  if (scenario.data.replies) await bestReplyButton(where, scenario).click();
  await expect(where.locator('.cc-player h3', { hasText: 'Summary' })).toBeVisible();
}
