/**
 * SCORM builds: `COURSE_SCORM=<pack>` during `astro build` (set by `npm run build:scorm`) adds the
 * SCORM pages for that pack. In a normal build there are none, so the assessment bank (which the
 * SCORM assessment page carries, the usual SCORM trade-off) never reaches the web build.
 */
import { getCoursePacks, type CoursePack } from './course.ts';
import { getAssessmentBank } from './assessment.ts';
import type { CourseShape } from '../lib/scorm/suspend.ts';
import { choicesOf } from '../lib/graphs.ts';

export const scormPack = (): string | undefined => process.env.COURSE_SCORM || undefined;

/** getStaticPaths for SCORM pages: the SCORM pack in a SCORM build, nothing otherwise. */
export async function scormPaths() {
  const id = scormPack();
  if (!id) return [];
  const course = (await getCoursePacks()).find((c) => c.pack.id === id);
  if (!course) throw new Error(`COURSE_SCORM="${id}" is not a course pack`);
  return [{ params: { pack: id }, props: { course, bank: await getAssessmentBank(id) } }];
}

export function scormShape(course: CoursePack, bank: readonly { id: string }[]): CourseShape {
  return {
    pack: course.pack.id,
    lessons: course.requirements.lessons,
    questions: course.lessons.flatMap((l) => (course.checks[l.id] ?? []).map((q) => ({ id: q.id, correct: q.options.map((o) => o.correct) }))),
    scenarios: course.scenarios.map((s) => ({ id: s.id, path: s.path.map(({ node, answer }) => ({ node, answer })), replies: choicesOf(s).map((r) => ({ breaks: r.breaks, rules: r.rules })) })),
    assessment: bank.map((q) => ({ id: q.id })),
  };
}
