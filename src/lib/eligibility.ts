/**
 * Who may sign: every lesson of the learner's route read, its required knowledge-check questions
 * answered, its scenarios completed, the final assessment passed. One pure function, small enough
 * for the sign-off page's script, and the server's authority when the declaration is posted (after
 * it has re-scored the decisions itself).
 */
import { scenarioComplete } from './scoring.ts';

/** What a route asks for: its lesson and question IDs and, per scenario, the canonical path's nodes and whether a reply is picked. */
export interface Requirements {
  lessons: readonly string[];
  /** Required knowledge-check question IDs. */
  questions: readonly string[];
  scenarios: readonly { id: string; title: string; path: readonly string[]; replies: boolean }[];
}

/** What the learner has done, in the shape progress is stored. */
export interface LearnerState {
  lessons: readonly string[];
  checks: Readonly<Record<string, unknown>>;
  scenarios: Readonly<Record<string, { answers: readonly { node: string }[]; reply?: number | undefined }>>;
}

/** What a route asks for, with each scenario's canonical path (the scenario data has it). */
export function routeRequirements(
  route: { lessons: readonly { id: string }[]; questions: readonly string[]; scenarios: readonly { id: string; title: string; reply: boolean }[] },
  paths: ReadonlyMap<string, readonly string[]>,
): Requirements {
  return {
    lessons: route.lessons.map((l) => l.id),
    questions: route.questions,
    scenarios: route.scenarios.map((s) => ({ id: s.id, title: s.title, path: paths.get(s.id) ?? [], replies: s.reply })),
  };
}

export type AssessmentStatus = 'passed' | 'failed' | 'not-taken';

export interface Eligibility {
  eligible: boolean;
  /** Lesson IDs not yet visited, in course order. */
  missingLessons: string[];
  /** Required knowledge-check questions not yet answered, in course order. */
  missingQuestions: string[];
  /** Scenario IDs not yet completed, in course order. */
  missingScenarios: string[];
  assessment: AssessmentStatus;
}

export function eligibility(req: Requirements, state: LearnerState, assessment: AssessmentStatus): Eligibility {
  const visited = new Set(state.lessons);
  const missingLessons = req.lessons.filter((id) => !visited.has(id));
  const missingQuestions = req.questions.filter((id) => !(id in state.checks));
  const missingScenarios = req.scenarios.filter((s) => !scenarioComplete(s.path, s.replies, state.scenarios[s.id])).map((s) => s.id);
  return {
    eligible: missingLessons.length === 0 && missingQuestions.length === 0 && missingScenarios.length === 0 && assessment === 'passed',
    missingLessons,
    missingQuestions,
    missingScenarios,
    assessment,
  };
}
