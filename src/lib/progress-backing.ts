/**
 * For a member who opened their personal link, the server keeps its own account of their progress:
 * each lesson, knowledge-check answer, flowchart decision and reply their browser reported through
 * /api/progress, recorded as it happened (member_events). Sign-off checks the progress the form
 * carries against that account (security review row 9), so pasting finished progress into the form
 * does not sign: every step the route asks for must have been recorded. Pure.
 */
import { eligibility, type Eligibility, type LearnerState, type Requirements } from './eligibility.ts';

/** A recorded step: kind and item as progress-events.ts stores them. */
export interface RecordedStep {
  kind: string;
  /** Lesson ID, question ID, `<scenario>#<node>` or `<scenario>#reply`. */
  item: string;
}

/** The names a refusal needs: lesson titles, and scenario titles. */
export interface StepNames {
  lessons: readonly { id: string; data: { title: string } }[];
  scenarios: readonly { id: string; title: string }[];
  /** Knowledge-check questions by lesson ID. */
  checks: Readonly<Record<string, readonly { id: string }[]>>;
}

/** The progress the recorded steps show, in the shape eligibility reads, for the route's scenarios. */
export function recordedState(steps: readonly RecordedStep[], req: Requirements): LearnerState {
  const seen = new Set(steps.map((s) => `${s.kind} ${s.item}`));
  const of = (kind: string) => steps.filter((s) => s.kind === kind).map((s) => s.item);
  return {
    lessons: of('lesson'),
    checks: Object.fromEntries(of('check').map((id) => [id, true])),
    scenarios: Object.fromEntries(req.scenarios.map((s) => {
      // The canonical path's decisions recorded, in order, up to the first one that was not.
      const answered = s.path.findIndex((node) => !seen.has(`flowchart ${s.id}#${node}`));
      const answers = s.path.slice(0, answered === -1 ? s.path.length : answered).map((node) => ({ node }));
      return [s.id, { answers, reply: seen.has(`reply ${s.id}#reply`) ? 0 : undefined }];
    })),
  };
}

/**
 * What the route needs that the server never recorded: undefined when every step is backed, else
 * the server's own verdict and a message telling the member what to open and finish.
 */
export function unrecordedSteps(req: Requirements, steps: readonly RecordedStep[], names: StepNames): { verdict: Eligibility; message: string } | undefined {
  const verdict = eligibility(req, recordedState(steps, req), 'passed');
  if (verdict.eligible) return undefined;
  const lessonOf = new Map(Object.entries(names.checks).flatMap(([lesson, qs]) => qs.map((q) => [q.id, lesson] as const)));
  const title = (id: string) => names.lessons.find((l) => l.id === id)?.data.title ?? id;
  const todo = [...new Set([
    ...verdict.missingLessons.map((id) => `the lesson "${title(id)}"`),
    ...verdict.missingQuestions.map((id) => `the knowledge check in "${title(lessonOf.get(id) ?? id)}"`),
    ...verdict.missingScenarios.map((id) => `the scenario "${names.scenarios.find((s) => s.id === id)?.title ?? id}"`),
  ])];
  const listed = todo.length > 4 ? [...todo.slice(0, 3), `${todo.length - 3} more listed below`] : todo;
  const list = listed.length === 1 ? listed[0]! : `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`;
  return {
    verdict,
    message: `Your course record does not show that you finished everything yet: the server has not seen ${todo.length === 1 ? 'this step' : 'these steps'} through your personal link. ` +
      `Open ${list} and finish ${todo.length === 1 ? 'it' : 'them'} on this device, then sign.`,
  };
}
