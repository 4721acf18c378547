/**
 * How a lesson's knowledge check is laid out: its required questions first, numbered "Question 1
 * of 2", then any optional practice ones (`practice: true`), numbered on from there. The number is
 * unique on the page, so "Try question 3 again" names one button.
 */
import type { Question } from '../schemas/check.ts';

export interface PlacedQuestion {
  question: Question;
  /** Its number on the page, counting required questions first. */
  number: number;
  /** Shown above the prompt. */
  label: string;
}

export function layOutCheck(questions: readonly Question[]): { required: PlacedQuestion[]; practice: PlacedQuestion[] } {
  const required = questions.filter((q) => !q.practice);
  const practice = questions.filter((q) => q.practice);
  return {
    required: required.map((question, i) => ({ question, number: i + 1, label: `Question ${i + 1} of ${required.length}` })),
    practice: practice.map((question, i) => ({ question, number: required.length + i + 1, label: `Question ${required.length + i + 1} (optional)` })),
  };
}
