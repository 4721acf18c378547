/**
 * Content collections. Packs and the flowchart go through our own validators, so a broken file
 * fails the build with a message naming the file and field; lessons use Astro's glob loader.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { LessonSchema } from './schemas/lesson.ts';
import { PackSchema } from './schemas/pack.ts';
import { RuleSchema } from './schemas/rules.ts';
import { FlowchartSchema } from './schemas/flowchart.ts';
import { loadChecks, loadFlowchart, loadPacks, loadScenarios } from './lib/load.ts';
import { ScenarioSchema } from './schemas/scenario.ts';
import { QuestionSchema } from './schemas/check.ts';

const root = process.cwd();

const packs = defineCollection({
  loader: {
    name: 'course-packs',
    async load({ store, watcher }) {
      watcher?.add(`${root}/content`);
      store.clear();
      for (const { pack, rules } of loadPacks(root)) store.set({ id: pack.id, data: { ...pack, rules } });
    },
  },
  schema: PackSchema.extend({ rules: z.array(RuleSchema) }),
});

const flowchart = defineCollection({
  loader: {
    name: 'respond-flowchart',
    async load({ store, watcher }) {
      watcher?.add(`${root}/quizzes/flowchart.yaml`);
      const { byId: _byId, ...chart } = loadFlowchart(root);
      store.clear();
      store.set({ id: 'flowchart', data: chart });
    },
  },
  schema: FlowchartSchema,
});

const lessons = defineCollection({
  loader: glob({
    base: './content',
    pattern: ['*/modules/*/index.mdx', '*/scenarios/*.mdx'],
    // `wyre/modules/04-libel/index.mdx` → `wyre/modules/04-libel`: keeps the order prefix for sorting.
    generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, '').replace(/\.mdx$/, ''),
  }),
  schema: LessonSchema,
});

/** Scenarios, each walked through the flowchart at load: a path that misses its outcome fails the build. */
const scenarios = defineCollection({
  loader: {
    name: 'flowchart-scenarios',
    async load({ store, watcher }) {
      watcher?.add(`${root}/quizzes`);
      const graph = loadFlowchart(root);
      store.clear();
      for (const { pack } of loadPacks(root)) {
        for (const entry of loadScenarios(root, pack.id, graph)) {
          store.set({ id: `${pack.id}/${entry.id}`, data: { pack: pack.id, scenario: entry.id, ...entry.data } });
        }
      }
    },
  },
  schema: ScenarioSchema.extend({ pack: z.string(), scenario: z.string() }),
});

/** Knowledge checks, one entry per lesson, keyed by the lesson's ID. */
const checks = defineCollection({
  loader: {
    name: 'knowledge-checks',
    async load({ store, watcher }) {
      watcher?.add(`${root}/quizzes`);
      store.clear();
      for (const { pack } of loadPacks(root)) {
        for (const entry of loadChecks(root, pack.id)) {
          store.set({ id: entry.lesson, data: { pack: pack.id, file: entry.file, questions: entry.questions } });
        }
      }
    },
  },
  schema: z.object({ pack: z.string(), file: z.string(), questions: z.array(QuestionSchema) }),
});

export const collections = { packs, flowchart, lessons, scenarios, checks };
