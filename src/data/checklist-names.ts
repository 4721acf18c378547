/** Titles and addresses for the sign-off checklist's "still to do" links (Checklist.astro, checklist.ts). */
import type { CoursePack } from './course.ts';
import type { ChecklistNames } from '../components/sign-off/checklist.ts';

export function checklistNames(course: CoursePack): ChecklistNames {
  return {
    lessons: Object.fromEntries(course.lessons.map((l) => [l.id, { title: l.data.title, href: l.href }])),
    questions: Object.fromEntries(course.lessons.flatMap((l) => (course.checks[l.id] ?? []).map((q) => [q.id, { title: `Knowledge check: ${l.data.title}`, href: `${l.href}#check` }]))),
    scenarios: Object.fromEntries(course.scenarios.map((s) => [s.id, { title: s.title, href: s.href }])),
  };
}
