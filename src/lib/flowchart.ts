/**
 * Decision graphs: validation of a whole graph and the views pages draw from it. Each graph (the
 * shared one and every pack's own) is validated on its own. Pure: takes parsed data, returns data.
 * Loading from disk is in `load.ts`; which graph a scenario uses is in `graphs.ts`.
 */
import { FlowchartSchema, type Flowchart, type FlowNode, type OutcomeNode, type QuestionNode } from '../schemas/flowchart.ts';
import { CourseDataError, parseOrExplain } from './friendly-errors.ts';

/** A flowchart with its nodes indexed by ID. */
export interface FlowGraph extends Flowchart {
  byId: ReadonlyMap<string, FlowNode>;
}

/** A graph as a pack uses it: its ID, its file, and whether it is the shared graph. */
export interface PackGraph extends FlowGraph {
  /** The file name without `.yaml`; the shared graph is `respond`. */
  id: string;
  /** Where it comes from, relative to the project: `quizzes/flowchart.yaml` or `quizzes/<pack>/graphs/<id>.yaml`. */
  file: string;
  /** The shared graph (adapted from Wyre's diagram), credited as borrowed wherever it is cited. */
  shared: boolean;
}

/** The IDs a node leads to, with the answer that leads there. */
export function edgesOf(node: FlowNode): { answer: 'yes' | 'no' | 'next'; to: string }[] {
  if (node.kind === 'start') return [{ answer: 'next', to: node.next }];
  if (node.kind === 'question') return [{ answer: 'yes', to: node.yes }, { answer: 'no', to: node.no }];
  return [];
}

/** Problems with the graph as a whole, in plain English; empty when it is sound. */
export function graphProblems(chart: Flowchart): string[] {
  const problems: string[] = [];
  const byId = new Map<string, FlowNode>();
  for (const node of chart.nodes) {
    if (byId.has(node.id)) problems.push(`node "${node.id}" is defined twice`);
    byId.set(node.id, node);
  }
  const start = byId.get(chart.start);
  if (!start) problems.push(`field "start": there is no node "${chart.start}"`);
  else if (start.kind !== 'start') problems.push(`field "start": node "${chart.start}" is a ${start.kind}, not the start`);
  for (const node of chart.nodes) {
    if (node.kind === 'start' && node.id !== chart.start) problems.push(`node "${node.id}" is a second start node`);
    for (const edge of edgesOf(node)) {
      if (!byId.has(edge.to)) problems.push(`node "${node.id}": its "${edge.answer}" edge goes to "${edge.to}", which is not a node`);
    }
  }
  const checkIds = new Set<string>();
  for (const check of chart.checks) {
    if (checkIds.has(check.id)) problems.push(`check "${check.id}" is defined twice`);
    checkIds.add(check.id);
  }
  if (problems.length > 0 || !start) return problems;

  // Depth-first walk from the start: a node met again on the current path is a cycle.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      problems.push(`the graph has a cycle: ${[...path.slice(path.indexOf(id)), id].join(' → ')}`);
      return;
    }
    state.set(id, 'open');
    for (const edge of edgesOf(byId.get(id)!)) visit(edge.to, [...path, id]);
    state.set(id, 'done');
  };
  visit(chart.start, []);
  for (const node of chart.nodes) {
    if (!state.has(node.id)) problems.push(`node "${node.id}" cannot be reached from the start`);
  }
  // With every edge landing and no cycles, every path ends at a node without edges: it must be an outcome.
  return problems;
}

/** Validates flowchart data (shape, then graph), or throws a CourseDataError naming the file. */
export function parseFlowchart(data: unknown, file: string): FlowGraph {
  const chart = parseOrExplain(FlowchartSchema, data, file);
  const problems = graphProblems(chart);
  if (problems.length > 0) throw new CourseDataError(file, problems);
  return { ...chart, byId: new Map(chart.nodes.map((n) => [n.id, n])) };
}

/** A step of the drawing: a question, with what "yes" leads to beside it and what "no" leads to below. */
export type FlowTree =
  | { kind: 'question'; node: QuestionNode; yes: FlowTree; no: FlowTree }
  | { kind: 'outcome'; node: OutcomeNode; repeat: boolean };

/**
 * Unfolds the graph from a node into a tree for drawing and for the nested text list.
 * Outcomes reached a second time are marked `repeat` (drawn again, listed once as the same outcome).
 */
export function unfold(graph: FlowGraph, id: string, seen: Set<string> = new Set()): FlowTree {
  const node = graph.byId.get(id)!;
  if (node.kind === 'outcome') {
    const repeat = seen.has(id);
    seen.add(id);
    return { kind: 'outcome', node, repeat };
  }
  if (node.kind === 'start') return unfold(graph, node.next, seen);
  seen.add(id);
  const yes = unfold(graph, node.yes, seen);
  const no = unfold(graph, node.no, seen);
  return { kind: 'question', node, yes, no };
}

/** The "no" chain from a tree: the spine the drawing runs down, ending at an outcome. */
export function spine(tree: FlowTree): FlowTree[] {
  const steps: FlowTree[] = [];
  let current: FlowTree = tree;
  while (current.kind === 'question') {
    steps.push(current);
    current = current.no;
  }
  steps.push(current);
  return steps;
}
