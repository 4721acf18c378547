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
