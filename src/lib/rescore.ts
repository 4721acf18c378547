/**
 * The server's own scoring of what the browser sends at sign-off. Only the learner's choices are
 * read (answers, picked reply, selected options); every `correct` flag or score in the posted
 * progress is ignored and recomputed from the quiz data. Choices that do not fit the quiz data
 * (an unknown scenario or question, an answer out of turn) throw a RescoreError naming the item.
 */
import type { Progress } from './progress.ts';
import { WalkError } from './walk.ts';
import { isRightChoice, scoreScenario, type Decision, type ScoredScenario } from './scoring.ts';

export class RescoreError extends Error {}

export interface ScenarioData extends ScoredScenario {
  id: string;
  title: string;
  /** The pack's own graph it walks; absent for the shared graph. */
  graph?: string | undefined;
}

export interface RescoredScenario {
  scenario: string;
  /** The pack's own graph the scenario walks; absent for the shared graph, so those entries read as before. */
  graph?: string;
  decisions: Decision[];
  /**
   * The reply or action picked (index in the scenario's own order), whether it was the best (broke no
   * check and no rule), and the policy rules it breaks; null when none. `rules` was added later:
   * records signed before it lack it.
   */
  reply: { index: number; correct: boolean; rules?: string[] } | null;
  outcome: string;
  correct: number;
  asked: number;
  total: number;
  complete: boolean;
}

export interface RescoredCheck {
  question: string;
  selected: number[];
  correct: boolean;
}

export interface Rescored {
  scenarios: RescoredScenario[];
  checks: RescoredCheck[];
  scores: {
    lessons: { visited: number; total: number };
    scenarios: { completed: number; total: number; correct: number; asked: number };
    checks: { answered: number; correct: number; total: number };
  };
}

export function rescore(
  course: { lessons: readonly string[]; scenarios: readonly ScenarioData[]; checks: Readonly<Record<string, readonly { id: string; options: readonly { correct: boolean }[] }[]>> },
  progress: Progress,
): Rescored {
  const byId = new Map(course.scenarios.map((s) => [s.id, s]));
  const scenarios = Object.entries(progress.scenarios).map(([id, done]): RescoredScenario => {
    const scenario = byId.get(id);
    if (!scenario) throw new RescoreError(`scenario "${id}" is not part of this course`);
    try {
      const score = scoreScenario(scenario, { answers: done.answers, reply: done.reply });
      return {
        scenario: id,
        ...(scenario.graph === undefined ? {} : { graph: scenario.graph }),
        decisions: score.decisions,
        reply: done.reply === undefined ? null : { index: done.reply, correct: score.replyCorrect === true, rules: score.replyRules ?? [] },
        outcome: scenario.outcome,
        correct: score.correct,
        asked: score.asked,
        total: score.total,
        complete: score.complete,
      };
    } catch (error) {
      if (error instanceof WalkError) throw new RescoreError(`scenario "${scenario.title}": ${error.message}`);
      throw error;
    }
  });
  const questions = new Map(Object.values(course.checks).flat().map((q) => [q.id, q]));
  const checks = Object.entries(progress.checks).map(([id, answer]): RescoredCheck => {
    const q = questions.get(id);
    if (!q) throw new RescoreError(`knowledge-check question "${id}" is not part of this course`);
    if (answer.selected.some((i) => i >= q.options.length)) throw new RescoreError(`knowledge-check question "${id}": an answer names an option it does not have`);
    return { question: id, selected: [...answer.selected], correct: isRightChoice(q.options, answer.selected) };
  });
  const lessons = new Set(course.lessons);
  const unknownLesson = progress.lessons.find((l) => !lessons.has(l));
  if (unknownLesson) throw new RescoreError(`lesson "${unknownLesson}" is not part of this course`);
  return {
    scenarios,
    checks,
    scores: {
      lessons: { visited: new Set(progress.lessons).size, total: course.lessons.length },
      scenarios: {
        completed: scenarios.filter((s) => s.complete).length,
        total: course.scenarios.length,
        correct: scenarios.reduce((n, s) => n + s.correct, 0),
        asked: scenarios.reduce((n, s) => n + s.asked, 0),
      },
      checks: { answered: checks.length, correct: checks.filter((c) => c.correct).length, total: questions.size },
    },
  };
}
