/**
 * A pack with decision graphs of its own, built from the Cwm fixture pack (tests/fixtures/packs/cwm)
 * into a build and server of their own: the flowchart page shows each of its graphs credited to its
 * own policy (never to Wyre's); a respond scenario ends in a choice of actions; an own-action
 * scenario starts from the member's intention, with no post; and what the browser stores is what
 * the server's scoring makes of it.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loadScenarios, type ScenarioEntry } from '../../src/lib/load.ts';
import { scoreScenario } from '../../src/lib/scoring.ts';
import { choicesOf } from '../../src/lib/graphs.ts';
import { stableShuffle, stripOrderPrefix } from '../../src/lib/order.ts';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../src/lib/server/db.ts';
import { createAdmin } from '../../src/lib/server/admins.ts';
import { linkedMember, passAttempt, postSignOff, recordProgress, storedEnvelope } from './server-support.ts';
import { buildCourseCopy } from './build-copy.ts';
import { freePort, startServer, stopServer, type Running } from './spawn-server.ts';
import { decisionAt, stored } from './quiz-support.ts';
import { expectNoAxeViolations } from './support.ts';

const root = join(import.meta.dirname, '..', '..');
const fixture = join(root, 'tests', 'fixtures', 'packs', 'cwm');
const work = join(root, 'reports', 'e2e-own-graphs');
const scenarios = loadScenarios(fixture, 'cwm');
const scenario = (id: string) => scenarios.find((s) => s.id === id)!;

test.describe.configure({ mode: 'serial' });

let server: Running | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const entry = buildCourseCopy(fixture, join(work, 'dist'));
  server = await startServer(join(work, 'course.db'), await freePort(), {}, entry);
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

async function open(browser: Browser, path: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: server!.base })).newPage();
  await page.goto(path);
  return page;
}

/** Answers every question of a scenario's path correctly with the mouse. */
async function decide(page: Page, entry: ScenarioEntry): Promise<void> {
  await expect(page.locator('[data-island][data-ready]')).toHaveCount(1);
  for (const step of entry.data.path) {
    await decisionAt(page, step.node).getByRole('button', { name: step.answer === 'yes' ? 'Yes' : 'No' }).click();
    await expect(decisionAt(page, step.node).locator('h4')).toHaveText(/^Right/);
  }
}

/** The button for a choice (by its index in the file), as the player orders them. */
function choiceButton(page: Page, entry: ScenarioEntry, index: number) {
  const order = stableShuffle(choicesOf(entry.data).length, `cwm/${entry.id}`);
  return page.locator('.cc-player').getByRole('button', { name: `Choose option ${order.indexOf(index) + 1}` });
}

/** What the server's scoring makes of the progress the browser stored for a scenario. */
async function scored(page: Page, entry: ScenarioEntry) {
  const record = (await stored(page, 'cwm')).scenarios[entry.id];
  const score = scoreScenario(entry.data, { answers: record.answers, reply: record.reply });
  return { record, score };
}

test('the flowchart page shows each of the pack\'s graphs, credited to its own policy', async ({ browser }) => {
  const page = await open(browser, '/cwm/flowchart/');
  await expect(page.locator('h1')).toHaveText('Decision flowcharts');
  await expect(page.locator('section[data-graph] > h2')).toHaveText(['Should I respond?', 'Should I post, change or open this?']);
  await expect(page.getByRole('img', { name: /Flowchart diagram/ })).toHaveCount(2);
  const respond = page.locator('section[data-graph="respond"]');
  await expect(respond.locator('.cc-lead')).toContainText("Every question comes from the council's own Online Policy");
  await expect(respond.locator('[data-check]')).toHaveText([/Stay within the agreed position/, /Let the Clerk answer/]);
  await expect(respond.locator('[data-graph-credit]')).toContainText('Source: Cyngor Cymuned Cwm, Online Policy, sections 1 to 3.');
  await expect(page.locator('section[data-graph="act"] [data-node="o-through-clerk"]').first()).toContainText('Choose what to do');
  // Nothing on the page credits Wyre's diagram: the pack does not use it.
  await expect(page.locator('body')).not.toContainText('Michael Gross');
  await expect(page.locator('body')).not.toContainText("come from the policy's rules");
  await page.getByRole('link', { name: 'Skip the diagram and read this flowchart as a list' }).nth(1).click();
  await expect(page).toHaveURL(/#text-version-2$/);
  await expectNoAxeViolations(page);
});

test('a respond scenario ends in a choice of actions, scored like a reply', async ({ browser }) => {
  const entry = scenario('01-resident-asks-about-the-bus-shelter');
  const page = await open(browser, `/cwm/scenarios/${stripOrderPrefix(entry.id)}/`);
  await expect(page.locator('.cc-post')).toContainText('Gwen Parry');
  await expect(page.locator('[data-graph-credit]')).toContainText('It is drawn from Cyngor Cymuned Cwm, Online Policy, sections 1 to 3.');
  await decide(page, entry);
  await expect(page.locator('.cc-outcome h3')).toHaveText('The flowchart leads to: Pass it to the Clerk');
  await expect(page.locator('#sp-ri')).toHaveText('What would you do? Check each choice against the two checks.');
  const best = choicesOf(entry.data).findIndex((a) => a.breaks.length === 0);
  await choiceButton(page, entry, best).click();
  const feedback = page.locator('.cc-replies .cc-feedback__panel');
  await expect(feedback.locator('h4')).toHaveText('Good choice');
  await expect(feedback).toContainText('Your choice: Pass it to the Clerk and tell Gwen you have');
  await expect(feedback).toContainText('It passes both checks.');
  await expect(page.locator('#sp-summary')).toHaveText(`Summary: ${entry.data.path.length + 1} of ${entry.data.path.length + 1} right`);
  const { record, score } = await scored(page, entry);
  expect(record).toMatchObject({ reply: best, replyCorrect: true, done: true });
  expect(score).toMatchObject({ replyCorrect: true, correct: 4, total: 4, complete: true });
  await expectNoAxeViolations(page);
});

test('an own-action scenario starts from the intention, with no post, and a wrong action is marked wrong', async ({ browser }) => {
  const entry = scenario('06-cover-photo-in-the-election');
  const page = await open(browser, `/cwm/scenarios/${stripOrderPrefix(entry.id)}/`);
  await expect(page.locator('[data-intention]')).toContainText("You want to change the council's Facebook cover photo");
  await expect(page.locator('.cc-post:not([data-intention])')).toHaveCount(0);
  await expect(page.locator('[data-graph-credit]')).toContainText('Should I post, change or open this?');
  await decide(page, entry);
  await expect(page.locator('.cc-outcome h3')).toHaveText('The flowchart leads to: Go through the Clerk');
  // Sending the login to the web company: breaks both of this graph's checks.
  await choiceButton(page, entry, 0).click();
  const feedback = page.locator('.cc-replies .cc-feedback__panel');
  await expect(feedback.locator('h4')).toHaveText('Not the best choice');
  await expect(feedback).toContainText('It breaks: Keep passwords private, Let the Clerk decide.');
  // And the pack's rules it breaks: this fixture's rules have no titles, so each is named by the rule itself.
  await expect(feedback.locator('.cc-feedback__rules')).toHaveText("Policy rules it breaks: Only the Clerk opens, changes or gives access to the council's accounts; never share a password, even with a provider (CWM-4.1, section 4 Council accounts); No changes to the council's pages during an election period without the Clerk's agreement (CWM-4.2, section 4 Council accounts).");
  await expect(feedback).toContainText('The best choice: Ask the Clerk, and wait for the answer');
  const { record, score } = await scored(page, entry);
  expect(record).toMatchObject({ answers: [{ node: 'q-council-account', answer: 'yes', correct: true }], reply: 0, replyCorrect: false, done: true });
  expect(score).toMatchObject({ replyCorrect: false, correct: 1, asked: 2, total: 2, complete: true });
  await expectNoAxeViolations(page);
});

test('a Cwm member signs off through their link: the record holds the graphs\' decisions and both documents; analytics names the graph\'s questions; pages are in Welsh and name the Clerk', async ({ browser }) => {
  const db = openDatabase(join(work, 'course.db'));
  try {
    await createAdmin(db, { email: 'clerk@example.org', name: 'Clerc', password: 'correct horse battery staple' }, 'test');
    const cookie = `cc_member=${linkedMember(db, 'Rhiannon Ellis', 'rhiannon@example.org', 'cwm')}`;
    await recordProgress(server!.base, 'cwm', cookie, fixture);
    const attempt = await passAttempt(server!.base, 'cwm', cookie, fixture);
    const signed = await postSignOff(server!.base, 'cwm', attempt, randomUUID().replace(/-/g, '').slice(0, 22), 'Rhiannon Ellis', cookie, fixture);
    expect(signed.status).toBe(303);
    const id = /certificate\/([0-9a-f-]{36})\//.exec(signed.headers.get('location') ?? '')![1]!;
    const { record } = storedEnvelope(id, db);
    expect(record.identity.level).toBe('roster-verified');
    expect(record.course).toMatchObject({ council: 'Cyngor Cymuned Cwm', policyTitle: 'Online Policy and Online Strategy', policyVersion: '1 + 2' });
    const own = record.scenarios.find((r: { scenario: string }) => r.scenario === '06-cover-photo-in-the-election');
    expect(own).toMatchObject({ graph: 'act', reply: { correct: true } });
    expect(record.scenarios.every((r: { decisions: { correct: boolean }[] }) => r.decisions.every((d) => d.correct))).toBe(true);
    expect((await (await fetch(`${server!.base}/api/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(storedEnvelope(id, db)) })).json()).valid).toBe(true);

    const page = await open(browser, '/admin/login/');
    await page.getByLabel('Email address').fill('clerk@example.org');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.goto('/admin/analytics/');
    // The graph's step by its question and the pack's own guide, not by its ID.
    await expect(page.locator('main')).toContainText(`"Is it the council's own page or account`);
    await expect(page.locator('main')).toContainText('(Cwm: ');
    await expect(page.locator('main')).not.toContainText('q-council-account');
    await page.goto('/cwm/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.locator('main')).toContainText('undated');
    await expect(page.locator('body')).toContainText('Clerk');
    await expect(page.locator('body')).not.toContainText('Monitoring Officer');
    await expect(page.getByRole('navigation', { name: 'Course' })).toContainText('Decision guides');
  } finally {
    db.close();
  }
});

test('a pack on the shared graph credits it as adapted from Wyre\'s policy wherever it cites it', async ({ page }) => {
  // The main build's server: Ashfield brings no graph of its own.
  await page.goto('/ashfield/flowchart/');
  await expect(page.locator('.cc-lead')).toContainText("adapted from Wyre Council's Social Media Policy for Members (2017)");
  await expect(page.locator('[data-graph-credit="respond"]')).toContainText('Michael Gross');
  await page.goto('/ashfield/scenarios/');
  await page.locator('main a[href*="/ashfield/scenarios/"]').first().click();
  const credit = page.locator('[data-graph-credit="respond"]');
  await expect(credit).toContainText("Wyre Council's Social Media Policy for Members (2017), by Michael Gross");
  await expect(credit.getByRole('link', { name: /CC BY-NC-SA 3\.0/ })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by-nc-sa/3.0/');
});
