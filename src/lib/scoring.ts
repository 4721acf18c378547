/**
 * Scoring, in one place: whether a decision, a drafted reply or a knowledge-check answer is right,
 * how a scenario scores, and when a scenario counts as complete. Used by the quiz islands, the
 * progress element, the SCORM shell, eligibility and the server's re-scoring, so they always agree.
 * Pure TypeScript (its one import is the walk's error type): the browser bundles only what it calls.
 */
import type { Step } from './walk.ts';
import { WalkError } from './walk.ts';

/** A scenario's record as stored in progress: the answers given (with whether each was right) and any reply. */
export interface StoredScenario {
  answers: readonly { node: string; correct: boolean }[];
  reply?: number | undefined;
  replyCorrect?: boolean | undefined;
  done?: boolean;
}

/** Whether `answer` is the canonical answer at question `index` of a scenario's path. */
export function decisionCorrect(path: readonly Step[], index: number, answer: string): boolean {
  return path[index]?.answer === answer;
}

/** What scoring needs of a drafted reply or action: the checks and the policy rules it breaks. */
export interface ScoredChoice {
  breaks: readonly string[];
  rules: readonly string[];
}

/** Whether a drafted reply (or action) is the best one: it breaks none of the checks and none of the rules. */
export function isBestReply(reply: ScoredChoice | undefined): boolean {
  return !!reply && reply.breaks.length === 0 && reply.rules.length === 0;
}

/** The one definition of "complete": every question answered and, where the scenario asks for one, a reply picked. */
export function isComplete(answered: number, questions: number, hasReplies: boolean, replied: boolean): boolean {
  return answered === questions && (!hasReplies || replied);
}

/** The parts of a scenario scoring needs. */
export interface ScoredScenario {
  path: readonly Step[];
  outcome: string;
  /** Drafted replies, or (at an outcome that asks for one) `actions`: either is "the reply" to scoring and storage. */
  replies?: readonly ScoredChoice[] | undefined;
  actions?: readonly ScoredChoice[] | undefined;
}

/** What a learner did in a scenario, as stored: their answer at each question asked, and the reply picked. */
export interface ScenarioAttempt {
  /** Answers in the order asked; each is at the next node of the canonical path. */
  answers: readonly Step[];
  /** Index of the picked reply in the scenario's own (unshuffled) order. */
  reply?: number | undefined;
}

/** A decision as recorded: node, answer, and whether it was the canonical one. */
export interface Decision extends Step {
  correct: boolean;
}

export interface ScenarioScore {
  decisions: Decision[];
  /** Whether the picked reply was the best one; undefined when not yet picked or none is asked. */
  replyCorrect: boolean | undefined;
  /** The policy rules the picked reply breaks; undefined when none is picked. */
  replyRules: string[] | undefined;
  /** Correct decisions (+1 for the best reply). */
  correct: number;
  /** Decisions asked so far (+1 once a reply is picked). */
  asked: number;
  /** Decisions (and reply pick) the scenario asks in all. */
  total: number;
  complete: boolean;
}

/**
 * Scores a learner's answers against a scenario's canonical path. A wrong answer puts the learner
 * back on the canonical path, so answer i is always for canonical node i. Throws WalkError when the
 * answers do not fit the scenario (more answers than questions, a node out of turn, a bad reply index).
 */
export function scoreScenario(scenario: ScoredScenario, attempt: ScenarioAttempt): ScenarioScore {
  const { path } = scenario;
  const replies = scenario.replies ?? scenario.actions;
  if (attempt.answers.length > path.length) {
    throw new WalkError(`${attempt.answers.length} answers given, but the scenario asks ${path.length} questions`);
  }
  const decisions = attempt.answers.map((answer, i): Decision => {
    const canonical = path[i]!;
    if (answer.node !== canonical.node) throw new WalkError(`answer ${i + 1} is for "${answer.node}", but question ${i + 1} is "${canonical.node}"`);
    if (answer.answer !== 'yes' && answer.answer !== 'no') throw new WalkError(`answer ${i + 1} is not "yes" or "no"`);
    return { node: answer.node, answer: answer.answer, correct: answer.answer === canonical.answer };
  });
  const hasReplies = (replies?.length ?? 0) > 0;
  let replyCorrect: boolean | undefined;
  let replyRules: string[] | undefined;
  if (attempt.reply !== undefined) {
    if (!hasReplies) throw new WalkError('a reply was picked, but this scenario asks for none');
    if (decisions.length < path.length) throw new WalkError('a reply was picked before every question was answered');
    const reply = replies![attempt.reply];
    if (!Number.isInteger(attempt.reply) || !reply) throw new WalkError(`reply ${attempt.reply} is not one of the ${replies!.length} ${scenario.replies ? 'drafted replies' : 'actions'}`);
    replyCorrect = isBestReply(reply);
    replyRules = [...reply.rules];
  }
  const correct = decisions.filter((d) => d.correct).length + (replyCorrect ? 1 : 0);
  const asked = decisions.length + (replyCorrect === undefined ? 0 : 1);
  const total = path.length + (hasReplies ? 1 : 0);
  return { decisions, replyCorrect, replyRules, correct, asked, total, complete: isComplete(decisions.length, path.length, hasReplies, replyCorrect !== undefined) };
}

/** Whether a set of chosen options answers a question exactly right. */
export function isRightChoice(options: readonly { correct: boolean }[], selected: readonly number[]): boolean {
  const chosen = new Set(selected);
  if (chosen.size !== selected.length || selected.some((i) => !Number.isInteger(i) || i < 0 || i >= options.length)) return false;
  return options.every((option, i) => option.correct === chosen.has(i));
}

/** Every question of the canonical path answered, in order, and a reply picked where the scenario asks for one. */
export function scenarioComplete(path: readonly string[], replies: boolean, done: { answers: readonly { node: string }[]; reply?: number | undefined } | undefined): boolean {
  return !!done && done.answers.every((a, i) => a.node === path[i]) &&
    isComplete(done.answers.length, path.length, replies, done.reply !== undefined);
}

/**
 * Whether a stored scenario record still fits the scenario: its answers follow the canonical
 * path's questions in order and any reply picked exists. A scenario file edited after the learner
 * started it no longer fits, and the record is then ignored. (The server re-scores from the quiz
 * data with `scoreScenario`; this only keeps the learner's own view consistent.)
 */
export function fitsScenario(s: StoredScenario, path: readonly { node: string }[], replies: number): boolean {
  return s.answers.length <= path.length && s.answers.every((a, i) => a.node === path[i]!.node) &&
    (s.reply === undefined || (s.answers.length === path.length && s.reply < replies));
}

/** Right and asked so far in one scenario, from its recorded decisions and reply. */
export function scenarioTally(s: StoredScenario): { correct: number; asked: number } {
  const replied = s.replyCorrect !== undefined;
  return {
    correct: s.answers.filter((a) => a.correct).length + (s.replyCorrect ? 1 : 0),
    asked: s.answers.length + (replied ? 1 : 0),
  };
}
