/**
 * Who may sign: every lesson of the pack visited, every scenario completed, the final assessment
 * passed. One pure function, small enough for the sign-off page's script, and the server's
 * authority when the declaration is posted (after it has re-scored the decisions itself).
 */

/** What a pack asks for: its lesson IDs and, per scenario, the canonical path's nodes and whether a reply is picked. */
export interface Requirements {
  lessons: readonly string[];
  scenarios: readonly { id: string; title: string; path: readonly string[]; replies: boolean }[];
}

/** What the learner has done, in the shape progress is stored. */
export interface LearnerState {
  lessons: readonly string[];
  scenarios: Readonly<Record<string, { answers: readonly { node: string }[]; reply?: number | undefined }>>;
}

export type AssessmentStatus = 'passed' | 'failed' | 'not-taken';

export interface Eligibility {
  eligible: boolean;
  /** Lesson IDs not yet visited, in course order. */
  missingLessons: string[];
  /** Scenario IDs not yet completed, in course order. */
  missingScenarios: string[];
  assessment: AssessmentStatus;
}

/** Every question of the canonical path answered, in order, and a reply picked where the scenario asks for one. */
export function scenarioComplete(path: readonly string[], replies: boolean, done: LearnerState['scenarios'][string] | undefined): boolean {
  return !!done && done.answers.length === path.length && done.answers.every((a, i) => a.node === path[i]) &&
    (!replies || done.reply !== undefined);
}

export function eligibility(req: Requirements, state: LearnerState, assessment: AssessmentStatus): Eligibility {
  const visited = new Set(state.lessons);
  const missingLessons = req.lessons.filter((id) => !visited.has(id));
  const missingScenarios = req.scenarios.filter((s) => !scenarioComplete(s.path, s.replies, state.scenarios[s.id])).map((s) => s.id);
  return {
    eligible: missingLessons.length === 0 && missingScenarios.length === 0 && assessment === 'passed',
    missingLessons,
    missingScenarios,
    assessment,
  };
}
