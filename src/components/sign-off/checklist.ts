/**
 * Fills in the sign-off checklist (Checklist.astro) from a verdict of the `eligibility` function:
 * each line's count, done or to do, and links to what is still missing. Used by the server's
 * sign-off page and the SCORM package's declaration page.
 */
import type { Eligibility, Requirements } from '../../lib/eligibility.ts';

/** What the sign-off page says under the checklist; the longer is the room kept for it. */
export const readyWords = {
  yes: 'You have done everything the course asks. You can now sign the declaration.',
  no: 'Some of the course is still to do: see the list above. You can sign once everything is ticked.',
} as const;

export type ChecklistNames = Record<'lessons' | 'questions' | 'scenarios', Record<string, { title: string; href: string }>>;

/**
 * One line: its count as plain text when nothing is missing, else as the summary of a disclosure
 * holding the missing links, closed unless the server drew it open. Either way one line of text, so
 * nothing below the checklist moves.
 */
function show(item: Element | null, text: string, missing: { title: string; href: string }[]): void {
  if (!item) return;
  item.className = missing.length === 0 ? 'cc-checklist--done' : 'cc-checklist--todo';
  const list = document.createElement('ul');
  list.dataset.missing = '';
  list.replaceChildren(...missing.map(({ title, href }) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href;
    a.textContent = title;
    li.append(a);
    return li;
  }));
  const line = document.createElement(missing.length ? 'summary' : 'span');
  line.dataset.text = '';
  line.textContent = text;
  if (!missing.length) return item.replaceChildren(line, list);
  const box = item.querySelector('details') ?? document.createElement('details');
  box.replaceChildren(line, list);
  item.replaceChildren(box);
}

export function showChecklist(requirements: Requirements, verdict: Eligibility, names: ChecklistNames): void {
  const { lessons, questions, scenarios } = requirements;
  const checklist = document.querySelector('[data-sign-off-checklist]');
  show(checklist?.querySelector('[data-item="lessons"]') ?? null, `Lessons: ${lessons.length - verdict.missingLessons.length} of ${lessons.length} read`,
    verdict.missingLessons.map((id) => names.lessons[id]!));
  show(checklist?.querySelector('[data-item="questions"]') ?? null, `Knowledge checks: ${questions.length - verdict.missingQuestions.length} of ${questions.length} answered`,
    verdict.missingQuestions.map((id) => names.questions[id]!));
  show(checklist?.querySelector('[data-item="scenarios"]') ?? null, `Scenarios: ${scenarios.length - verdict.missingScenarios.length} of ${scenarios.length} completed`,
    verdict.missingScenarios.map((id) => names.scenarios[id]!));
}
