/**
 * The final assessment: drawing an attempt's questions, reading the submitted form, scoring on the
 * server. Pure; the caller supplies the randomness. The answer key stays here and in the server's
 * bank: pages get `publicQuestion`, which carries no `correct` flags, feedback or explanations.
 */
import type { AssessmentQuestion } from '../schemas/assessment.ts';
import { isRightChoice } from './scoring.ts';

/** Picks `n` question IDs from the bank in random order (Fisher-Yates); `randomInt(k)` returns 0..k-1. */
export function drawQuestions(bank: readonly { id: string }[], n: number, randomInt: (k: number) => number): string[] {
  const ids = bank.map((q) => q.id);
  const count = Math.min(n, ids.length);
  for (let i = 0; i < count; i++) {
    const j = i + randomInt(ids.length - i);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, count);
}

/** A question as the assessment page shows it: no answer key. */
export interface PublicQuestion {
  id: string;
  type: 'single' | 'multiple';
  prompt: string;
  options: { text: string }[];
}

export const publicQuestion = (q: AssessmentQuestion): PublicQuestion => ({
  id: q.id,
  type: q.type,
  prompt: q.prompt,
  options: q.options.map((o) => ({ text: o.text })),
});

/** The form field that carries a question's answer. */
export const fieldName = (questionId: string): string => `answer-${questionId}`;

export type ReadAnswers =
  | { ok: true; answers: Record<string, number[]> }
  | { ok: false; unanswered: string[]; invalid: string[]; answers: Record<string, number[]> };

/**
 * Reads a submitted attempt from form values (`getAll(name)`): each drawn question's selected option
 * indices. Questions left blank are `unanswered`; values that are not an option of the question
 * (or several for a single-choice question) are `invalid`.
 */
export function readAnswers(drawn: readonly AssessmentQuestion[], getAll: (name: string) => string[]): ReadAnswers {
  const answers: Record<string, number[]> = {};
  const unanswered: string[] = [];
  const invalid: string[] = [];
  for (const q of drawn) {
    const raw = getAll(fieldName(q.id));
    const selected = [...new Set(raw)].map((v) => (/^\d{1,2}$/.test(v) ? Number(v) : -1)).sort((a, b) => a - b);
    if (selected.length === 0) unanswered.push(q.id);
    else if (selected.some((i) => i < 0 || i >= q.options.length) || (q.type === 'single' && selected.length > 1)) invalid.push(q.id);
    else answers[q.id] = selected;
  }
  return unanswered.length === 0 && invalid.length === 0 ? { ok: true, answers } : { ok: false, unanswered, invalid, answers };
}

export interface MarkedAnswer {
  question: string;
  selected: number[];
  correct: boolean;
}

export interface AssessmentScore {
  answers: MarkedAnswer[];
  correct: number;
  total: number;
  /** Whole per cent, rounded down, as shown. */
  percent: number;
  passMark: number;
  passed: boolean;
}

/** Scores answers against the bank; a drawn question with no answer counts as wrong. */
export function scoreAssessment(drawn: readonly AssessmentQuestion[], answers: Readonly<Record<string, readonly number[]>>, passMark: number): AssessmentScore {
  const marked = drawn.map((q) => {
    const selected = [...(answers[q.id] ?? [])];
    return { question: q.id, selected, correct: selected.length > 0 && isRightChoice(q.options, selected) };
  });
  const correct = marked.filter((m) => m.correct).length;
  const total = drawn.length;
  return {
    answers: marked,
    correct,
    total,
    percent: total === 0 ? 0 : Math.floor((correct * 100) / total),
    passMark,
    // Compared in whole numbers: 8 of 10 passes an 80% mark exactly.
    passed: total > 0 && correct * 100 >= passMark * total,
  };
}

/** A lesson as "revisit" links need it: the rules it teaches, its title and address. */
export interface RevisitLesson {
  id: string;
  href: string;
  data: { title: string; rules: readonly string[] };
}

/** The lessons that teach any of these rules, in course order. */
export const lessonsTeaching = <L extends RevisitLesson>(rules: readonly string[], lessons: readonly L[]): L[] =>
  lessons.filter((l) => l.data.rules.some((r) => rules.includes(r)));

/** What to revisit after an attempt: the lessons teaching the rules of the questions answered wrongly, in course order. */
export function lessonsToRevisit<L extends RevisitLesson>(questions: readonly { id: string; rules: readonly string[] }[], answers: readonly MarkedAnswer[], lessons: readonly L[]): L[] {
  const rules = new Map(questions.map((q) => [q.id, q.rules]));
  return lessonsTeaching(answers.filter((a) => !a.correct).flatMap((a) => rules.get(a.question) ?? []), lessons);
}
