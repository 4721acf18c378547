/**
 * axe on the quiz islands in every state, on one quiz of each kind: the scenario with the most
 * states (drafted replies, a part-way question after the opening checks, the longest path) at its
 * opening checks, after a wrong answer, part-way, at the replies and at the summary; and the lesson
 * with the most knowledge-check questions as served, with an error, and answered. Every scenario
 * and every lesson's check in the same states is in the reliability tier (axe-sweep.e2e.ts).
 */
import { test } from '@playwright/test';
import { axeCheckStates, axeScenarioStates } from './a11y-support.ts';
import { checksOf, graph, lessonUrl, packs, scenariosOf } from './quiz-support.ts';

const hasPartWay = (path: { node: string }[]) => path.some((s) => (graph.byId.get(s.node) as { stage?: string }).stage !== 'first');
const scenario = packs.flatMap(scenariosOf)
  .filter((s) => s.data.replies && hasPartWay(s.data.path))
  .sort((a, b) => b.data.path.length - a.data.path.length || a.id.localeCompare(b.id))[0]!;
const check = packs.flatMap(checksOf).sort((a, b) => b.questions.length - a.questions.length || a.lesson.localeCompare(b.lesson))[0]!;

test(`scenario player (${scenario.pack}/${scenario.id}): axe at the opening checks, after a wrong answer, part-way, at the replies and at the summary`, async ({ page }) => {
  await axeScenarioStates(page, scenario);
});

test(`knowledge check (${lessonUrl(check.lesson)}, ${check.questions.length} questions): axe as served, with an error, and answered`, async ({ page }) => {
  await axeCheckStates(page, lessonUrl(check.lesson));
});
