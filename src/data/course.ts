/**
 * The course as pages see it: packs with their lessons in order, and the flowchart. The only
 * module that reads Astro's collections; everything it computes comes from `src/lib`.
 */
import { getCollection, getEntry } from 'astro:content';
import { orderLessons, taughtRules, totalMinutes, type OrderedLesson } from '../lib/course.ts';
import { CourseDataError } from '../lib/friendly-errors.ts';
import { parseFlowchart, type FlowGraph } from '../lib/flowchart.ts';
import type { Pack } from '../schemas/pack.ts';
import type { Rule } from '../schemas/rules.ts';

/** A type alias, not an interface, so it can be passed as page props. */
export type CoursePack = {
  pack: Pack;
  rules: Rule[];
  lessons: OrderedLesson[];
  minutes: number;
};

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
  const [packs, entries] = await Promise.all([getCollection('packs'), getCollection('lessons')]);
  return packs
    .map(({ data: { rules, ...pack } }) => {
      const lessons = orderLessons(pack.id, entries);
      checkRuleIds(pack, rules, lessons);
      return { pack, rules, lessons, minutes: totalMinutes(lessons) };
    })
    .sort((a, b) => a.pack.council.localeCompare(b.pack.council));
}

/** The flowchart with its node index. */
export async function getFlowchart(): Promise<FlowGraph> {
  const entry = await getEntry('flowchart', 'flowchart');
  if (!entry) throw new Error('quizzes/flowchart.yaml was not loaded');
  return parseFlowchart(entry.data, 'quizzes/flowchart.yaml');
}

export { taughtRules };
