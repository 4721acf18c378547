/** Readable labels for the admin pages and exports, from the packs this server serves (server only: it reads the assessment banks). */
import { allCourses } from './server-course.ts';
import { getAssessmentBank } from './assessment.ts';
import { Labels, type LabelPack } from '../lib/labels.ts';
import type { CoursePack } from './course.ts';

let labels: Promise<Labels> | undefined;

export const labelPack = (c: CoursePack, assessment: LabelPack['assessment']): LabelPack => ({
  id: c.pack.id,
  council: c.pack.council,
  shortName: c.pack.shortName,
  lessons: c.lessons.map((l) => ({ id: l.id, href: l.href, title: l.data.title })),
  scenarios: c.scenarios,
  checks: c.checks,
  graphs: c.graphs,
  assessment,
});

export function courseLabels(): Promise<Labels> {
  labels ??= allCourses().then(async (courses) => new Labels(await Promise.all(courses.map(async (c) => labelPack(c, await getAssessmentBank(c.pack.id))))));
  return labels;
}
