/**
 * Routes: each pack's induction and refresher, recomputed here by plain arithmetic from the
 * pack's files at the published rates (200 words a minute, 20 s a question, 10 s a decision, 20 s a
 * reply choice), must match what the engine computes and fit the targets (45 and 15 minutes).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { countWords, coreMarkdown, orderLessons } from '../../src/lib/course.ts';
import { loadChecks, loadFlowchart, loadPacks, loadScenarios } from '../../src/lib/load.ts';
import { lessonChanges, lessonsToRead, removedName } from '../../src/lib/changes.ts';
import { memberRoute, minutesLeft, nextStep, packRoutes, refresherRoute, refresherSteps, routeProblems, routeSteps } from '../../src/lib/route.ts';
import { LessonSchema } from '../../src/schemas/lesson.ts';
import { packIds } from '../support/packs.ts';
import { lessonFiles, root } from './support/content.ts';
import { routeInputFor } from './support/route.ts';

const graph = loadFlowchart(root);
const report: string[] = [];

describe.each(packIds())('the %s routes', (packId) => {
  const { pack } = loadPacks(root).find((p) => p.pack.id === packId)!;
  const input = routeInputFor(packId);
  const routes = packRoutes(input);

  it('are computed at the published rates from the pack\'s own files', () => {
    // Recomputed independently: core words straight from the lesson files, required questions straight
    // from the check files, decisions and replies straight from the scenario files.
    const files = lessonFiles().filter((l) => l.pack === packId);
    const words = files.reduce((n, f) => n + countWords(coreMarkdown(f.body)), 0);
    const questions = loadChecks(root, packId).reduce((n, c) => n + c.questions.filter((q) => q.practice !== true).length, 0);
    const scenarios = loadScenarios(root, packId, graph);
    const named = (ids: readonly string[]) => scenarios.filter((s) => ids.includes(s.id));
    const seconds = (list: typeof scenarios) => list.reduce((n, s) => n + s.data.path.length * 10 + (s.data.replies ? 20 : 0), 0);
    const assessment = pack.assessmentQuestions * 20;

    const induction = Math.ceil(((words / 200) * 60 + questions * 20 + seconds(named(pack.routes.induction)) + assessment) / 60);
    const refresher = Math.ceil((seconds(named(pack.routes.refresher)) + assessment) / 60);
    expect(routes.induction.minutes).toBe(induction);
    expect(routes.refresher.minutes).toBe(refresher);
    expect(routes.induction.lessons.map((l) => l.id).sort()).toEqual(files.map((f) => f.id).sort());
    expect(routes.induction.questions).toHaveLength(questions);
    report.push(`  ${packId}: induction ${induction} min (${words} core words, ${questions} questions, ${named(pack.routes.induction).length} scenarios), refresher ${refresher} min`);
  });

  it('fit the targets: induction at most 45 minutes, refresher at most 15', () => {
    expect(routes.induction.minutes).toBeLessThanOrEqual(45);
    expect(routes.refresher.minutes).toBeLessThanOrEqual(15);
  });

  it('name induction scenarios that reach every outcome the pack\'s scenarios use', () => {
    expect(routeProblems(input)).toEqual([]);
    const reached = new Set(routes.induction.scenarios.map((s) => input.scenarios.find((x) => x.id === s.id)!.outcome));
    expect(reached).toEqual(new Set(input.scenarios.map((s) => s.outcome)));
  });

  it('ask every lesson for at least one required question', () => {
    for (const lesson of routes.induction.lessons) expect(lesson.questions.length, lesson.id).toBeGreaterThan(0);
  });
});

describe('routeProblems', () => {
  const input = routeInputFor('wyre');
  it('names unknown and repeated scenarios, and outcomes the induction set misses', () => {
    const spoilt = { ...input, named: { induction: input.named.induction.slice(1).concat('99-nothing'), refresher: ['04-neighbours-ask-you-to-block-a-late-licence', '04-neighbours-ask-you-to-block-a-late-licence'] } };
    const outcome = input.scenarios.find((s) => s.id === input.named.induction[0])!.outcome;
    const others = input.named.induction.slice(1).map((id) => input.scenarios.find((s) => s.id === id)!.outcome);
    const problems = routeProblems(spoilt);
    expect(problems).toContain('field "routes.induction": "99-nothing" is not one of the pack\'s scenarios (quizzes/<pack>/scenarios/99-nothing.yaml)');
    expect(problems).toContain('field "routes.refresher": "04-neighbours-ask-you-to-block-a-late-licence" is listed twice');
    if (!others.includes(outcome)) expect(problems.at(-1)).toContain(`"${outcome}"`);
  });
});

describe('a member\'s route', () => {
  const routes = packRoutes(routeInputFor('wyre'));
  const now = routes.induction.lessons.map((l, i) => ({ id: l.id, sha256: `${i}`.padStart(64, '0'), title: l.title, href: l.href }));

  it('is the induction for someone who has never signed', () => {
    expect(memberRoute(routes, now, undefined)).toEqual({ route: routes.induction, changes: undefined });
  });

  it('is scenarios and assessment only when nothing changed', () => {
    const { route, changes } = memberRoute(routes, now, now);
    expect(route.lessons).toEqual([]);
    expect(route.scenarios).toEqual(routes.refresher.scenarios);
    expect(changes).toEqual({ added: [], changed: [], removed: [], unchanged: now.length });
  });

  it('adds exactly the new and changed lessons, and lists the removed', () => {
    const signed = [...now.slice(1).map((l) => ({ id: l.id, sha256: l.sha256 })), { id: 'wyre/modules/99-old-rule', sha256: 'f'.repeat(64) }];
    signed[2] = { ...signed[2]!, sha256: 'e'.repeat(64) };
    const { route, changes } = memberRoute(routes, now, signed);
    expect(changes!.added.map((l) => l.id)).toEqual([now[0]!.id]);
    expect(changes!.changed.map((l) => l.id)).toEqual([now[3]!.id]);
    expect(changes!.removed).toEqual(['wyre/modules/99-old-rule']);
    expect(removedName(changes!.removed[0]!)).toBe('old rule');
    expect(route.lessons.map((l) => l.id)).toEqual([now[0]!.id, now[3]!.id]);
    expect(route.minutes).toBeGreaterThan(routes.refresher.minutes);
    expect(lessonsToRead(lessonChanges(signed, now))).toEqual([now[0]!.id, now[3]!.id]);
  });
});

describe('time left and the next step', () => {
  const routes = packRoutes(routeInputFor('wyre'));
  const route = routes.induction;
  const steps = routeSteps(route);
  const none = { lessons: [], checks: {}, scenariosDone: new Set<string>(), assessmentPassed: false };

  it('starts at the whole route and the first lesson', () => {
    expect(minutesLeft(steps, none)).toBe(route.minutes);
    expect(nextStep(steps, none)).toMatchObject({ kind: 'lesson', id: route.lessons[0]!.id });
  });

  it('leads from lessons to unanswered checks, scenarios, the assessment and sign-off', () => {
    const lessons = route.lessons.map((l) => l.id);
    expect(nextStep(steps, { ...none, lessons })).toMatchObject({ kind: 'question', id: route.lessons[0]!.id, q: route.questions[0] });
    const checks = Object.fromEntries(route.questions.map((q) => [q, {}]));
    expect(nextStep(steps, { ...none, lessons, checks })).toMatchObject({ kind: 'scenario', id: route.scenarios[0]!.id });
    const scenariosDone = new Set(route.scenarios.map((s) => s.id));
    expect(nextStep(steps, { ...none, lessons, checks, scenariosDone })).toMatchObject({ kind: 'assessment' });
    expect(minutesLeft(steps, { ...none, lessons, checks, scenariosDone })).toBe(Math.ceil((route.assessmentQuestions * 20) / 60));
    expect(nextStep(steps, { lessons, checks, scenariosDone, assessmentPassed: true })).toBeUndefined();
    expect(minutesLeft(steps, { lessons, checks, scenariosDone, assessmentPassed: true })).toBe(0);
  });

  it('gives a refresher the same steps in the browser as on the server', () => {
    const changed = [route.lessons[2]!.id, route.lessons[5]!.id];
    const server = refresherRoute(routes.refresher, route, changed);
    const browser = refresherSteps(steps, routeSteps(routes.refresher), changed);
    expect(browser).toEqual(routeSteps(server));
    expect(minutesLeft(browser, none)).toBe(server.minutes);
  });
});

afterAll(() => {
  if (report.length) console.log(['Routes (computed from the pack files):', ...report].join('\n'));
});
