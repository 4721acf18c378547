/**
 * Content collections. Packs, the flowchart and the quiz files go through our own validators, so a
 * broken file fails the build with a message naming the file and field; lessons use Astro's glob loader.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'zod';
import { LessonSchema } from './schemas/lesson.ts';
import type { Pack } from './schemas/pack.ts';
import type { Rule } from './schemas/rules.ts';
import { FlowchartSchema } from './schemas/flowchart.ts';
import { ScenarioSchema } from './schemas/scenario.ts';
import { QuestionSchema } from './schemas/check.ts';
import { AssessmentQuestionSchema } from './schemas/assessment.ts';
import { loadAssessment, loadChecks, loadOwnGraphs, loadPacks, loadScenarios, loadSharedGraph } from './lib/load.ts';
import type { PackGraph } from './lib/flowchart.ts';

/**
 * Where `content/` and `quizzes/` are: the project, unless COURSE_CONTENT_ROOT names another folder
 * holding both (the end-to-end tests build a changed copy of the course this way).
 */
const root = process.env.COURSE_CONTENT_ROOT ?? process.cwd();

/**
 * A loader that validates and reads its files with `entries` (which throws a CourseDataError on any
 * mistake), then replaces the collection; in development it reloads when `watch` changes.
 */
function validatedLoader(name: string, watch: string, entries: () => { id: string; data: Record<string, unknown> }[]): Loader {
  return {
    name,
    async load({ store, watcher }) {
      watcher?.add(`${root}/${watch}`);
      const loaded = entries();
      store.clear();
      for (const entry of loaded) store.set(entry);
    },
  };
}

const packs = defineCollection({
  loader: validatedLoader('course-packs', 'content', () =>
    loadPacks(root).map(({ pack, rules }) => ({ id: pack.id, data: { ...pack, rules } }))),
  // Validated (and normalised: one `policy` becomes `documents`) by the loader; the output is not re-parsed.
  schema: z.custom<Pack & { rules: Rule[] }>(),
});

/** A graph as stored: its data without the node index (rebuilt by `data/course.ts`). */
const graphData = ({ byId: _byId, id, ...graph }: PackGraph) => ({ ...graph, graph: id });

/**
 * Decision graphs: the shared one (entry `flowchart`) and each pack's own (`<pack>/<graph-id>`),
 * each validated on its own as it loads.
 */
const flowchart = defineCollection({
  loader: validatedLoader('decision-graphs', 'quizzes', () => {
    const shared = loadSharedGraph(root);
    return [
      ...(shared ? [{ id: 'flowchart', data: graphData(shared) }] : []),
      ...loadPacks(root).flatMap(({ pack }) =>
        loadOwnGraphs(root, pack.id).map((graph) => ({ id: `${pack.id}/${graph.id}`, data: { ...graphData(graph), pack: pack.id } }))),
    ];
  }),
  schema: FlowchartSchema.extend({ graph: z.string(), file: z.string(), shared: z.boolean(), pack: z.string().optional() }),
});

const lessons = defineCollection({
  loader: glob({
    base: `${root}/content`,
    pattern: ['*/modules/*/index.mdx', '*/scenarios/*.mdx'],
    // `wyre/modules/04-libel/index.mdx` → `wyre/modules/04-libel`: keeps the order prefix for sorting.
    generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, '').replace(/\.mdx$/, ''),
  }),
  schema: LessonSchema,
});

/** Scenarios, each walked through its graph as it loads: a path that misses its outcome fails the build. */
const scenarios = defineCollection({
  loader: validatedLoader('flowchart-scenarios', 'quizzes', () => {
    const shared = loadSharedGraph(root);
    return loadPacks(root).flatMap(({ pack }) =>
      loadScenarios(root, pack.id, shared).map((entry) => ({ id: `${pack.id}/${entry.id}`, data: { pack: pack.id, scenario: entry.id, ...entry.data } })));
  }),
  schema: ScenarioSchema.extend({ pack: z.string(), scenario: z.string() }),
});

/** Knowledge checks, one entry per lesson, keyed by the lesson's ID. */
const checks = defineCollection({
  loader: validatedLoader('knowledge-checks', 'quizzes', () =>
    loadPacks(root).flatMap(({ pack }) =>
      loadChecks(root, pack.id).map((entry) => ({ id: entry.lesson, data: { pack: pack.id, file: entry.file, questions: entry.questions } })))),
  schema: z.object({ pack: z.string(), file: z.string(), questions: z.array(QuestionSchema) }),
});

/**
 * Final-assessment banks, one entry per pack. Only on-demand (server) routes read this collection,
 * so the answer key stays in the server bundle; a test checks no client file holds it.
 */
const assessments = defineCollection({
  loader: validatedLoader('assessment-banks', 'quizzes', () => {
    const shared = loadSharedGraph(root);
    return loadPacks(root).map((pack) => ({ id: pack.pack.id, data: { questions: loadAssessment(root, pack, shared) } }));
  }),
  schema: z.object({ questions: z.array(AssessmentQuestionSchema) }),
});

export const collections = { packs, flowchart, lessons, scenarios, checks, assessments };
