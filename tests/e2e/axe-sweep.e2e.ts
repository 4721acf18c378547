/**
 * Reliability tier: axe on every built page of every pack, on every scenario in each player state,
 * and on every lesson's knowledge check in each state (about 370 full-page scans). The fast tier
 * scans one page per template and one quiz of each kind in the same states (pages.e2e.ts,
 * quiz-a11y.e2e.ts); this sweep finds a fault that one page's content brings to its template.
 */
import { test } from '@playwright/test';
import { builtPages, expectPageLoadsAndPassesAxe, lessonPages } from './support.ts';
import { axeCheckStates, axeScenarioStates } from './a11y-support.ts';
import { packs, scenarioUrl, scenariosOf } from './quiz-support.ts';

for (const path of builtPages()) {
  test(`${path} loads and passes axe`, async ({ page }) => {
    await expectPageLoadsAndPassesAxe(page, path);
  });
}

for (const scenario of packs.flatMap(scenariosOf)) {
  test(`${scenarioUrl(scenario)}: axe at the opening checks, after a wrong answer, part-way, at the replies and at the summary`, async ({ page }) => {
    await axeScenarioStates(page, scenario);
  });
}

for (const path of lessonPages()) {
  test(`${path}: knowledge check passes axe as served, with an error, and answered`, async ({ page }) => {
    await axeCheckStates(page, path);
  });
}
