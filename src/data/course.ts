/**
 * The course as pages see it: packs with their lessons in order and their decision graphs. The only
 * module that reads Astro's collections; everything it computes comes from `src/lib`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { orderLessons, type OrderedLesson } from '../lib/course.ts';
import { CourseDataError } from '../lib/friendly-errors.ts';
import type { PackGraph } from '../lib/flowchart.ts';
import { choicesOf, DEFAULT_GRAPH, graphName, graphOf, inPackWords, packGraphs } from '../lib/graphs.ts';
import { packWording } from '../lib/roles.ts';
import type { Pack } from '../schemas/pack.ts';
import type { Rule } from '../schemas/rules.ts';
import type { Scenario } from '../schemas/scenario.ts';
import type { Question } from '../schemas/check.ts';
import { stripOrderPrefix } from '../lib/order.ts';
import { lessonDigest, packDigest, type LessonDigest } from '../lib/digest.ts';
import { routeRequirements, type Requirements } from '../lib/eligibility.ts';
import type { LessonNow } from '../lib/changes.ts';
import { packRoutes, routeProblems, type Route, type RouteKind } from '../lib/route.ts';

/** A scenario with its address and neighbours. */
export type CourseScenario = Scenario & {
  /** Stable ID stored with answers: the file name, e.g. `03-anonymous-troll`. */
  id: string;
  slug: string;
  href: string;
  number: number;
};

/** A type alias, not an interface, so it can be passed as page props. */
export type CoursePack = {
  pack: Pack;
  rules: Rule[];
  lessons: OrderedLesson[];
  minutes: number;
  scenarios: CourseScenario[];
  /** Knowledge-check questions by lesson ID. */
  checks: Record<string, Question[]>;
  /** Totals for the progress indicator. */
  totals: { lessons: number; questions: number; scenarios: number };
  /** SHA-256 digests of the lesson text, each lesson's and the pack's, as built. */
  content: { hash: string; lessons: LessonDigest[] };
  /** The induction and (unchanged-policy) refresher routes, computed from the pack's data. */
  routes: Record<RouteKind, Route>;
  /** What induction sign-off needs: the induction route's lessons, questions and scenarios. */
  requirements: Requirements;
  /** Each lesson as built, for "what changed since you signed": digest, title, address, change note. */
  lessonsNow: LessonNow[];
  /** Each scenario's canonical path, by ID: a route's requirements need it. */
  paths: ReadonlyMap<string, readonly string[]>;
  /** The decision graphs the pack uses: its default `respond` graph (its own or the shared one) first, then its others. */
  graphs: PackGraph[];
};

/** The graph a scenario walks, from its pack's graphs. */
export function scenarioGraph(course: Pick<CoursePack, 'graphs'>, scenario: { graph?: string | undefined }): PackGraph {
  const graph = graphOf(course.graphs, scenario.graph);
  if (!graph) throw new Error(`graph "${scenario.graph ?? 'respond'}" was not loaded`);
  return graph;
}

/** A graph as the collection stores it, with its node index rebuilt. */
function toGraph({ graph, pack: _pack, ...data }: CollectionEntry<'flowchart'>['data']): PackGraph {
  return { ...data, id: graph, byId: new Map(data.nodes.map((n) => [n.id, n])) };
}

/** Lessons must only name rule IDs their pack defines. */
function checkRuleIds(pack: Pack, rules: Rule[], lessons: OrderedLesson[]): void {
  const known = new Set(rules.map((r) => r.id));
  for (const lesson of lessons) {
    const unknown = lesson.data.rules.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new CourseDataError(`content/${lesson.id}`, [
        `field "rules": ${unknown.map((id) => `"${id}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in content/${pack.id}/rules.yaml`,
      ]);
    }
  }
}

/** Every pack, in the order of their council names. */
export async function getCoursePacks(): Promise<CoursePack[]> {
  const [packs, entries, scenarioEntries, checkEntries, graphEntries] = await Promise.all([
    getCollection('packs'), getCollection('lessons'), getCollection('scenarios'), getCollection('checks'), getCollection('flowchart'),
  ]);
  const shared = graphEntries.find((e) => e.data.shared);
  return packs
    .map(({ data: { rules, ...pack } }): CoursePack => {
      const lessons = orderLessons(pack.id, entries);
      checkRuleIds(pack, rules, lessons);
      const scenarios = scenarioEntries
        .filter((e) => e.data.pack === pack.id)
        .sort((a, b) => a.data.scenario.localeCompare(b.data.scenario))
        .map(({ data: { pack: _pack, scenario, ...data } }, i) => ({
          ...data,
          id: scenario,
          slug: stripOrderPrefix(scenario),
          href: `/${pack.id}/scenarios/${stripOrderPrefix(scenario)}/`,
          number: i + 1,
        }));
      const graphs = packGraphs(graphEntries.filter((e) => e.data.pack === pack.id).map((e) => toGraph(e.data)), shared && inPackWords(toGraph(shared.data), packWording(pack)));
      const checks = Object.fromEntries(checkEntries.filter((e) => e.data.pack === pack.id).map((e) => [e.id, e.data.questions]));
      for (const lesson of lessons) {
        if (!checks[lesson.id]) throw new CourseDataError(`content/${lesson.id}`, [`has no knowledge check: add quizzes/${lesson.id.replace('/', '/checks/')}.yaml`]);
      }
      const questions = Object.values(checks).reduce((n, qs) => n + qs.length, 0);
      const bodies = new Map(entries.map((e) => [e.id, e.body]));
      const digests = lessons.map((l) => lessonDigest({ id: l.id, data: l.data, body: bodies.get(l.id) }));
      const routeInput = {
        lessons: lessons.map((l) => ({
          id: l.id, slug: l.slug, href: l.href, title: l.data.title, coreWords: l.words,
          questions: (checks[l.id] ?? []).filter((q) => !q.practice).map((q) => q.id),
        })),
        scenarios: scenarios.map((sc) => ({ id: sc.id, href: sc.href, title: sc.title, decisions: sc.path.length, reply: choicesOf(sc).length > 0,
          // Outcome IDs may repeat across graphs: a pack's own graph's outcomes are told apart by the graph.
          outcome: sc.graph ? `${sc.graph}:${sc.outcome}` : sc.outcome })),
        named: pack.routes,
        assessmentQuestions: pack.assessmentQuestions,
      };
      const problems = routeProblems(routeInput);
      if (problems.length > 0) throw new CourseDataError(`content/${pack.id}/pack.yaml`, problems);
      const routes = packRoutes(routeInput);
      const paths = new Map(scenarios.map((sc) => [sc.id, sc.path.map((p) => p.node)]));
      return {
        pack, rules, lessons, minutes: routes.induction.minutes, scenarios, checks,
        totals: { lessons: lessons.length, questions, scenarios: scenarios.length },
        content: { hash: packDigest(digests), lessons: digests },
        routes,
        requirements: routeRequirements(routes.induction, paths),
        lessonsNow: lessons.map((l, i) => ({ ...digests[i]!, title: l.data.title, href: l.href, changes: l.data.changes })),
        paths,
        graphs,
      };
    })
    .sort((a, b) => a.pack.council.localeCompare(b.pack.council));
}

/**
 * Whether a pack's pages use the shared graph (it brings no `respond` graph of its own), or for a
 * page of no pack, whether the build has the shared graph at all: where its credit belongs.
 */
/** The header's name for a pack's flowchart page: its one graph's question ("Should I respond?"), or "Decision guides" for several. */
export async function flowchartLabel(pack: string): Promise<string> {
  const entries = await getCollection('flowchart');
  const own = entries.filter((g) => g.data.pack === pack);
  const graphs = own.some((g) => g.data.graph === DEFAULT_GRAPH) ? own : [...entries.filter((g) => g.data.shared), ...own];
  return graphs.length === 1 ? graphName(graphs[0]!.data) : graphs.length > 1 ? 'Decision guides' : 'Should I respond?';
}

export async function usesSharedGraph(pack: string | undefined): Promise<boolean> {
  const graphs = await getCollection('flowchart');
  return graphs.some((g) => g.data.shared) && (pack === undefined || !graphs.some((g) => g.data.pack === pack && g.data.graph === DEFAULT_GRAPH));
}
