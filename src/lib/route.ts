/**
 * A learner's route through a pack, computed from the pack's data, never typed: which lessons,
 * knowledge-check questions and scenarios it asks for, and how long it takes at fixed rates.
 *
 * - Induction: every lesson's core text and its required question(s), the scenarios the pack names
 *   for induction (together they reach every outcome its scenarios use), the final assessment.
 * - Refresher, for a member who has signed before: the lessons that changed since their record, the
 *   pack's short refresher set of scenarios, the final assessment. With no changes: scenarios and
 *   assessment only.
 */
import { lessonChanges, lessonsToRead, type LessonChanges, type LessonNow } from './changes.ts';
import type { LessonDigest } from './digest.ts';

/** The rates every route's time is computed at. */
export const RATES = {
  /** Plain-English reading of the core text. */
  wordsPerMinute: 200,
  /** One knowledge-check or assessment question. */
  questionSeconds: 20,
  /** One yes/no decision on the flowchart. */
  decisionSeconds: 10,
  /** Choosing one of the drafted replies. */
  replySeconds: 20,
} as const;

export type RouteKind = 'induction' | 'refresher';

export interface RouteLesson {
  /** Lesson ID, e.g. `wyre/modules/04-libel`. */
  id: string;
  slug: string;
  href: string;
  title: string;
  /** Words in the core text (optional "More on this" depth not counted). */
  coreWords: number;
  /** The lesson's required knowledge-check question IDs. */
  questions: string[];
}

export interface RouteScenario {
  id: string;
  href: string;
  title: string;
  /** Yes/no decisions on the scenario's canonical path. */
  decisions: number;
  /** Whether the learner then chooses a drafted reply. */
  reply: boolean;
}

export interface Route {
  kind: RouteKind;
  /** Expected minutes, rounded up, at `RATES`. */
  minutes: number;
  lessons: RouteLesson[];
  /** Required knowledge-check question IDs, in lesson order. */
  questions: string[];
  scenarios: RouteScenario[];
  /** Questions in each final-assessment attempt. */
  assessmentQuestions: number;
}

/** Seconds for the parts of a route at `RATES`. */
export function routeSeconds(parts: { words: number; questions: number; decisions: number; replies: number }): number {
  return (parts.words * 60) / RATES.wordsPerMinute + parts.questions * RATES.questionSeconds +
    parts.decisions * RATES.decisionSeconds + parts.replies * RATES.replySeconds;
}

/**
 * One thing a route asks for, with the seconds it takes at `RATES`: reading a lesson's core text,
 * answering one of its required questions, playing a scenario, taking the assessment. A route's
 * time, the time left and the next step are all worked out from this list (in the browser too).
 */
export interface RouteStep {
  kind: 'lesson' | 'question' | 'scenario' | 'assessment';
  /** Lesson, question or scenario ID; the lesson's for a question (where it is answered); '' for the assessment. */
  id: string;
  /** For a question: its own ID. */
  q?: string;
  /** Seconds. */
  s: number;
}

/** A route's steps in the order it asks for them: lessons, then their questions, then scenarios, then the assessment. */
export function routeSteps(route: Pick<Route, 'lessons' | 'scenarios' | 'assessmentQuestions'>): RouteStep[] {
  return [
    ...route.lessons.map((l): RouteStep => ({ kind: 'lesson', id: l.id, s: routeSeconds({ words: l.coreWords, questions: 0, decisions: 0, replies: 0 }) })),
    ...route.lessons.flatMap((l) => l.questions.map((q): RouteStep => ({ kind: 'question', id: l.id, q, s: RATES.questionSeconds }))),
    ...route.scenarios.map((sc): RouteStep => ({ kind: 'scenario', id: sc.id, s: routeSeconds({ words: 0, questions: 0, decisions: sc.decisions, replies: sc.reply ? 1 : 0 }) })),
    { kind: 'assessment', id: '', s: route.assessmentQuestions * RATES.questionSeconds },
  ];
}

export function makeRoute(kind: RouteKind, lessons: RouteLesson[], scenarios: RouteScenario[], assessmentQuestions: number): Route {
  return {
    kind,
    minutes: minutesLeft(routeSteps({ lessons, scenarios, assessmentQuestions }), NOTHING_DONE),
    lessons,
    questions: lessons.flatMap((l) => l.questions),
    scenarios,
    assessmentQuestions,
  };
}

export interface PackRouteInput {
  lessons: RouteLesson[];
  scenarios: (RouteScenario & { outcome: string })[];
  /** Scenario IDs the pack names for each route. */
  named: { induction: readonly string[]; refresher: readonly string[] };
  assessmentQuestions: number;
}

/**
 * Problems with the scenarios a pack names for its routes: unknown IDs, repeats, and outcomes its
 * scenarios use that the induction set does not reach. Empty when all is well.
 */
export function routeProblems(input: PackRouteInput): string[] {
  const byId = new Map(input.scenarios.map((s) => [s.id, s]));
  const problems: string[] = [];
  for (const kind of ['induction', 'refresher'] as const) {
    const ids = input.named[kind];
    ids.filter((id) => !byId.has(id)).forEach((id) => problems.push(`field "routes.${kind}": "${id}" is not one of the pack's scenarios (quizzes/<pack>/scenarios/${id}.yaml)`));
    ids.filter((id, i) => ids.indexOf(id) !== i).forEach((id) => problems.push(`field "routes.${kind}": "${id}" is listed twice`));
  }
  const reached = new Set(input.named.induction.map((id) => byId.get(id)?.outcome));
  const missing = [...new Set(input.scenarios.map((s) => s.outcome))].filter((o) => !reached.has(o));
  if (missing.length > 0) {
    problems.push(`field "routes.induction": the induction scenarios must together reach every outcome the pack's scenarios use; add one that ends at ${missing.map((o) => `"${o}"`).join(', ')}`);
  }
  return problems;
}

/** The pack's two routes. The refresher here is the unchanged-policy one; see `refresherRoute`. */
export function packRoutes(input: PackRouteInput): Record<RouteKind, Route> {
  const pick = (ids: readonly string[]) => ids.map((id) => input.scenarios.find((s) => s.id === id)!)
    .map(({ outcome: _outcome, ...s }) => s);
  return {
    induction: makeRoute('induction', input.lessons, pick(input.named.induction), input.assessmentQuestions),
    refresher: makeRoute('refresher', [], pick(input.named.refresher), input.assessmentQuestions),
  };
}

/** A member's refresher: the unchanged-policy refresher plus the lessons that changed since they signed. */
export function refresherRoute(base: Route, induction: Route, changedLessons: readonly string[]): Route {
  const changed = new Set(changedLessons);
  return makeRoute('refresher', induction.lessons.filter((l) => changed.has(l.id)), base.scenarios, base.assessmentQuestions);
}

/** What a learner has done, as far as routes are concerned. */
export interface RouteState {
  lessons: readonly string[];
  checks: Readonly<Record<string, unknown>>;
  /** Scenario IDs completed. */
  scenariosDone: ReadonlySet<string>;
  assessmentPassed: boolean;
}

const NOTHING_DONE: RouteState = { lessons: [], checks: {}, scenariosDone: new Set(), assessmentPassed: false };

export function stepDone(step: RouteStep, state: RouteState): boolean {
  return step.kind === 'lesson' ? state.lessons.includes(step.id)
    : step.kind === 'question' ? step.q! in state.checks
    : step.kind === 'scenario' ? state.scenariosDone.has(step.id)
    : state.assessmentPassed;
}

/** Minutes left, rounded up: the steps not yet done. */
export function minutesLeft(steps: readonly RouteStep[], state: RouteState): number {
  return Math.ceil(steps.filter((st) => !stepDone(st, state)).reduce((n, st) => n + st.s, 0) / 60);
}

/** The next step not yet done, in route order; undefined when all are done (then: sign). */
export function nextStep(steps: readonly RouteStep[], state: RouteState): RouteStep | undefined {
  return steps.find((st) => !stepDone(st, state));
}

/** A refresher's steps, from the induction's: the listed lessons' steps, the refresher's scenarios, the assessment. */
export function refresherSteps(induction: readonly RouteStep[], refresher: readonly RouteStep[], lessons: readonly string[]): RouteStep[] {
  return [...induction.filter((st) => (st.kind === 'lesson' || st.kind === 'question') && lessons.includes(st.id)), ...refresher.filter((st) => st.kind !== 'lesson' && st.kind !== 'question')];
}

/**
 * The route for a learner: induction when they have never signed; otherwise the refresher, with
 * the lessons that changed since the record they last signed (`signed`: its lesson digests).
 */
export function memberRoute(
  routes: Record<RouteKind, Route>,
  lessonsNow: readonly LessonNow[],
  signed: readonly LessonDigest[] | undefined,
): { route: Route; changes: LessonChanges | undefined } {
  if (!signed) return { route: routes.induction, changes: undefined };
  const changes = lessonChanges(signed, lessonsNow);
  return { route: refresherRoute(routes.refresher, routes.induction, lessonsToRead(changes)), changes };
}

/** The published form of a pack's routes (`/<pack>/route.json`). */
export function routeJson(pack: string, routes: Record<RouteKind, Route>) {
  const published = (r: Route) => ({
    minutes: r.minutes,
    lessons: r.lessons.map((l) => ({ id: l.id, slug: l.slug, coreWords: l.coreWords, questions: l.questions })),
    questions: r.questions,
    scenarios: r.scenarios.map((s) => ({ id: s.id, decisions: s.decisions, reply: s.reply })),
    assessmentQuestions: r.assessmentQuestions,
  });
  return { pack, rates: RATES, routes: { induction: published(routes.induction), refresher: published(routes.refresher) } };
}
