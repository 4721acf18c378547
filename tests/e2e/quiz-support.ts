/** Quiz data as e2e fixtures, and keyboard-only helpers for driving the islands. */
import { join } from 'node:path';
import { expect, type Frame, type Page } from '@playwright/test';
import { loadChecks, loadFlowchart, loadScenarios, type ScenarioEntry } from '../../src/lib/load.ts';
import { stableShuffle, stripOrderPrefix } from '../../src/lib/order.ts';

const root = join(import.meta.dirname, '..', '..');
export const graph = loadFlowchart(root);
export const packs = ['wyre', 'ashfield'] as const;
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
  const best = scenario.data.replies!.findIndex((r) => r.breaks.length === 0);
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
