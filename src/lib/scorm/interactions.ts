/**
 * What the LMS's interactions report shows the officer: every final-assessment answer and every
 * scenario decision (each yes/no step and the reply picked), with a readable ID, the type, the
 * right answer (`correct_responses`), the learner's answer, the result and a weighting (1 for an
 * assessment question, which counts towards the score; 0 for a scenario step, which does not).
 *
 * SCORM 1.2 interactions are a write-only journal (`cmi.interactions.n.*` cannot be read back), so
 * the shell keeps the keys it has written and appends only new ones, at `cmi.interactions._count`.
 */
import { isBestReply, isRightChoice } from '../scoring.ts';
import type { CourseShape, ScormState } from './suspend.ts';

export interface Interaction {
  /** Unique within an attempt: what the shell remembers as written. */
  key: string;
  /** CMIIdentifier: letters, digits, `-` and `_` only, at most 255 characters. */
  id: string;
  type: 'choice' | 'true-false';
  /** Patterns in SCORM 1.2's format: `t`/`f`, or option letters joined by commas (`a,c`). */
  correct: string;
  response: string;
  result: 'correct' | 'wrong';
  weighting: number;
}

/** The bank as interactions need it: each option's correctness and whether several may be chosen. */
export type InteractionBank = readonly { id: string; type: 'single' | 'multiple'; options: readonly { correct: boolean }[] }[];

export const interactionId = (...parts: string[]): string => parts.join('-').replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 255);

/** SCORM 1.2 choice responses: option 0 is `a`. */
const letters = (indexes: readonly number[]): string => [...indexes].sort((x, y) => x - y).map((i) => String.fromCharCode(97 + i)).join(',');

/** Every interaction the state holds, in course order: scenarios first, then the assessment. */
export function interactionsOf(shape: CourseShape, bank: InteractionBank, state: ScormState): Interaction[] {
  const out: Interaction[] = [];
  for (const s of shape.scenarios) {
    const p = state.progress.scenarios[s.id];
    if (!p) continue;
    p.answers.forEach((d, i) => {
      const tf = (answer: string) => (answer === 'yes' ? 't' : 'f');
      const right = s.path[i]?.answer ?? (d.correct ? d.answer : d.answer === 'yes' ? 'no' : 'yes');
      out.push({ key: `s:${s.id}:${i}:${d.node}`, id: interactionId('scenario', s.id, String(i + 1), d.node), type: 'true-false', correct: tf(right), response: tf(d.answer), result: d.correct ? 'correct' : 'wrong', weighting: 0 });
    });
    if (p.reply !== undefined) {
      const best = s.replies.flatMap((r, i) => (isBestReply(r) ? [i] : []));
      out.push({ key: `s:${s.id}:reply`, id: interactionId('scenario', s.id, 'reply'), type: 'choice', correct: letters(best), response: letters([p.reply]), result: (p.replyCorrect ?? best.includes(p.reply)) ? 'correct' : 'wrong', weighting: 0 });
    }
  }
  const a = state.assessment;
  if (a?.answers) {
    const byId = new Map(bank.map((q) => [q.id, q]));
    // One try of the assessment: a retake draws again, so its answers are new interactions.
    const attempt = `${a.drawn.join('.')}=${a.drawn.map((id) => letters(a.answers![id] ?? [])).join('.')}`;
    a.drawn.forEach((id, n) => {
      const q = byId.get(id);
      if (!q) return;
      const right = q.options.flatMap((o, i) => (o.correct ? [i] : []));
      const chosen = a.answers![id] ?? [];
      out.push({ key: `a:${attempt}:${id}`, id: interactionId('assessment', String(n + 1).padStart(2, '0'), id), type: 'choice', correct: letters(right), response: letters(chosen), result: isRightChoice(q.options, chosen) ? 'correct' : 'wrong', weighting: 1 });
    });
  }
  return out;
}

/** CMITime, the clock time an interaction was reported: HH:MM:SS. */
export function clockTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** The LMSSetValue calls that record one interaction at index `n`. */
export function interactionValues(n: number, x: Interaction, time: string): [string, string][] {
  const at = `cmi.interactions.${n}`;
  return [
    [`${at}.id`, x.id],
    [`${at}.time`, time],
    [`${at}.type`, x.type],
    [`${at}.correct_responses.0.pattern`, x.correct],
    [`${at}.weighting`, String(x.weighting)],
    [`${at}.student_response`, x.response],
    [`${at}.result`, x.result],
  ];
}
