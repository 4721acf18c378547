/**
 * What the quiz islands' actions do to stored progress: answering a check, deciding at a flowchart
 * question, picking a reply, starting again. Pure functions over `Progress` (see progress.ts); kept
 * apart from it so pages without a quiz do not download them.
 */
import type { Progress, StoredDecision } from './progress.ts';
import { isComplete } from './scoring.ts';

export function answerCheck(p: Progress, question: string, selected: number[], correct: boolean): Progress {
  return { ...p, checks: { ...p.checks, [question]: { selected, correct } } };
}

export function clearCheck(p: Progress, question: string): Progress {
  const { [question]: _removed, ...checks } = p.checks;
  return { ...p, checks };
}

/** Records the next decision of a scenario; `total` questions and whether a reply follows decide `done`. */
export function decide(p: Progress, scenario: string, decision: StoredDecision, total: number, hasReplies: boolean): Progress {
  const answers = [...(p.scenarios[scenario]?.answers ?? []), decision];
  return { ...p, scenarios: { ...p.scenarios, [scenario]: { answers, done: isComplete(answers.length, total, hasReplies, false) } } };
}

export function pickReply(p: Progress, scenario: string, reply: number, correct: boolean): Progress {
  const current = p.scenarios[scenario];
  if (!current) return p;
  return { ...p, scenarios: { ...p.scenarios, [scenario]: { ...current, reply, replyCorrect: correct, done: true } } };
}

export function restartScenario(p: Progress, scenario: string): Progress {
  const { [scenario]: _removed, ...scenarios } = p.scenarios;
  return { ...p, scenarios };
}
