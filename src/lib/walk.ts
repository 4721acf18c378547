/**
 * Walking the "should I respond?" graph and scoring a learner's decisions against a scenario.
 * Pure TypeScript shared by the islands, the server's re-scoring and the tests.
 */
import type { FlowGraph } from './flowchart.ts';

export type Answer = 'yes' | 'no';

/** One answer at one question. */
export interface Step {
  node: string;
  answer: Answer;
}

export interface WalkResult {
  /** The steps taken, in order. */
  path: Step[];
  /** Where the walk stands: the next question, or the outcome reached. */
  at: string;
  /** The outcome reached, when the walk has ended. */
  outcome: string | undefined;
}

/** A walk that cannot be made: an unknown node, an answer out of turn, an answer after the end. */
export class WalkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WalkError';
  }
}

/** The first question of the graph. */
export function firstQuestion(graph: FlowGraph): string {
  const start = graph.byId.get(graph.start);
  return start?.kind === 'start' ? start.next : graph.start;
}

/** Walks the graph from the first question, one step per answer. Throws WalkError on any step that does not fit. */
export function walk(graph: FlowGraph, steps: readonly Step[]): WalkResult {
  let at = firstQuestion(graph);
  const path: Step[] = [];
  steps.forEach((step, i) => {
    const here = graph.byId.get(at)!;
    const label = `answer ${i + 1} ("${String(step.answer)}" at "${String(step.node)}")`;
    if (here.kind === 'outcome') throw new WalkError(`${label} comes after the walk reached the outcome "${at}"`);
    if (!graph.byId.has(step.node)) throw new WalkError(`${label} names a node the flowchart does not have`);
    if (step.node !== at) throw new WalkError(`${label} is out of turn: the flowchart is at "${at}"`);
    if (step.answer !== 'yes' && step.answer !== 'no') throw new WalkError(`${label} is not "yes" or "no"`);
    if (here.kind !== 'question') throw new WalkError(`${label} is at "${at}", which is not a question`);
    path.push({ node: step.node, answer: step.answer });
    at = here[step.answer];
  });
  const end = graph.byId.get(at)!;
  return { path, at, outcome: end.kind === 'outcome' ? at : undefined };
}


/** The parts of a scenario scoring needs. */
export interface ScoredScenario {
  path: readonly Step[];
  outcome: string;
  replies?: readonly { breaks: readonly string[] }[] | undefined;
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
  const { path, replies } = scenario;
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
  if (attempt.reply !== undefined) {
    if (!hasReplies) throw new WalkError('a reply was picked, but this scenario asks for none');
    if (decisions.length < path.length) throw new WalkError('a reply was picked before every question was answered');
    const reply = replies![attempt.reply];
    if (!Number.isInteger(attempt.reply) || !reply) throw new WalkError(`reply ${attempt.reply} is not one of the ${replies!.length} drafted replies`);
    replyCorrect = reply.breaks.length === 0;
  }
  const correct = decisions.filter((d) => d.correct).length + (replyCorrect ? 1 : 0);
  const asked = decisions.length + (replyCorrect === undefined ? 0 : 1);
  const total = path.length + (hasReplies ? 1 : 0);
  return { decisions, replyCorrect, correct, asked, total, complete: asked === total };
}

/** Whether a set of chosen options answers a question exactly right. */
export function isRightChoice(options: readonly { correct: boolean }[], selected: readonly number[]): boolean {
  const chosen = new Set(selected);
  if (chosen.size !== selected.length || selected.some((i) => !Number.isInteger(i) || i < 0 || i >= options.length)) return false;
  return options.every((option, i) => option.correct === chosen.has(i));
}
