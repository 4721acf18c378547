/** The route engine's input for a pack, from the repository's files (as src/data/course.ts builds it from the collections). */
import { orderLessons } from '../../../src/lib/course.ts';
import { loadChecks, loadFlowchart, loadPacks, loadScenarios } from '../../../src/lib/load.ts';
import { stripOrderPrefix } from '../../../src/lib/order.ts';
import type { PackRouteInput } from '../../../src/lib/route.ts';
import { LessonSchema } from '../../../src/schemas/lesson.ts';
import { lessonFiles, root } from './content.ts';

const graph = loadFlowchart(root);

/** The engine's input for a pack, from its files (as src/data/course.ts builds it from the collections). */
export function routeInputFor(packId: string): PackRouteInput {
  const { pack } = loadPacks(root).find((p) => p.pack.id === packId)!;
  const files = lessonFiles().filter((l) => l.pack === packId);
  const lessons = orderLessons(packId, files.map((f) => ({ id: f.id, data: LessonSchema.parse(f.data), body: f.body })));
  const checks = new Map(loadChecks(root, packId).map((c) => [c.lesson, c.questions]));
  return {
    lessons: lessons.map((l) => ({ id: l.id, slug: l.slug, href: l.href, title: l.data.title, coreWords: l.words, questions: (checks.get(l.id) ?? []).filter((q) => !q.practice).map((q) => q.id) })),
    scenarios: loadScenarios(root, packId, graph).map((s) => ({ id: s.id, href: `/${packId}/scenarios/${stripOrderPrefix(s.id)}/`, title: s.data.title, decisions: s.data.path.length, reply: !!s.data.replies, outcome: s.data.outcome })),
    named: pack.routes,
    assessmentQuestions: pack.assessmentQuestions,
  };
}

