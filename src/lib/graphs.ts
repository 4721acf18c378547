/**
 * Which decision graph a pack and each of its scenarios use, how a graph is named and credited, and
 * what each outcome asks the learner to choose. One place, so the build, the pages, the server's
 * re-scoring, analytics and SCORM agree. Pure: graphs come in already loaded and validated.
 */
import type { Flowchart, OutcomeNode } from '../schemas/flowchart.ts';
import type { PackGraph } from './flowchart.ts';
import { fillWording, type Wording } from './roles.ts';

/** The graph a scenario uses when it names none: the pack's own `respond` graph, else the shared one. */
export const DEFAULT_GRAPH = 'respond';

/**
 * The graphs a pack can use, its default `respond` graph first: its own, with the shared graph as
 * `respond` unless it brings its own.
 */
export function packGraphs(own: readonly PackGraph[], shared: PackGraph | undefined): PackGraph[] {
  const respond = own.find((g) => g.id === DEFAULT_GRAPH) ?? shared;
  return [...(respond ? [respond] : []), ...own.filter((g) => g !== respond)];
}

/** `"respond", quizzes/flowchart.yaml`: how messages name a graph (in brackets). */
export const graphLabel = (graph: PackGraph): string => `"${graph.id}", ${graph.file}`;

/** `"respond" (quizzes/flowchart.yaml), "open" (quizzes/cwm/graphs/open.yaml)`: how messages list graphs. */
export const graphList = (graphs: readonly PackGraph[]): string => graphs.map((g) => `"${g.id}" (${g.file})`).join(', ');

/**
 * The graph a scenario's `graph:` field (absent: the default) names among the pack's graphs, or a
 * message for the scenario's author listing the graphs the pack has.
 */
export function resolveGraph(graphs: readonly PackGraph[], name: string | undefined, pack: string): PackGraph | string {
  const id = name ?? DEFAULT_GRAPH;
  const found = graphs.find((g) => g.id === id);
  if (found) return found;
  const have = graphs.length > 0 ? `its graphs are ${graphList(graphs)}` : 'it has no graphs';
  return name === undefined
    ? `there is no "graph" field, so it uses the default graph "${DEFAULT_GRAPH}", but there is no quizzes/${pack}/graphs/${DEFAULT_GRAPH}.yaml and no shared quizzes/flowchart.yaml`
    : `field "graph": this pack has no graph "${name}": ${have} (a graph is a file quizzes/${pack}/graphs/<graph-id>.yaml)`;
}

/**
 * What a scenario's results store about its graph: its ID for a pack's own graph, nothing for the
 * shared one (so results on the shared graph read exactly as they did before packs had graphs).
 */
export const graphKey = (graph: PackGraph): string | undefined => (graph.shared ? undefined : graph.id);

/** The graph a stored key names among a pack's graphs (no key: the shared graph). */
export function graphOf<G extends PackGraph>(graphs: readonly G[], key: string | undefined): G | undefined {
  return graphs.find((g) => (key === undefined ? g.shared : !g.shared && g.id === key));
}

/** The question a graph answers, as a heading. */
export function graphName(graph: Pick<Flowchart, 'name' | 'kind'>): string {
  return graph.name ?? (graph.kind === 'own-action' ? 'Should I do this?' : 'Should I respond?');
}

/** Where a graph comes from, in one sentence for pages: the shared graph's credit, or the pack's own source. */
export function graphCredit(graph: Pick<PackGraph, 'attribution' | 'source' | 'title'>): string {
  return graph.attribution ?? (graph.source ? `From ${graph.source}.` : `"${graph.title}".`);
}

/** What an outcome asks the learner to pick: a drafted reply, an action, or nothing. */
export function choiceKind(outcome: Pick<OutcomeNode, 'replies' | 'choose'>): 'reply' | 'action' | undefined {
  return outcome.choose ?? (outcome.replies === 'no' ? undefined : 'reply');
}

/** The scenario's choices at its outcome, drafted replies or actions: scored the same way, stored in the same slot. */
export function choicesOf<C>(scenario: { replies?: readonly C[] | undefined; actions?: readonly C[] | undefined }): readonly C[] {
  return scenario.replies ?? scenario.actions ?? [];
}

/**
 * Outcomes of each graph that none of the scenarios using it reaches, for the rule that a pack's
 * scenarios reach every outcome of each graph they use. Graphs no scenario uses are not listed.
 */
export function unreachedOutcomes(graphs: readonly PackGraph[], scenarios: readonly { graph?: string | undefined; outcome: string }[]): { graph: string; outcomes: string[] }[] {
  return graphs.flatMap((graph) => {
    const using = scenarios.filter((s) => graphOf([graph], s.graph) === graph);
    if (using.length === 0) return [];
    const reached = new Set(using.map((s) => s.outcome));
    const outcomes = graph.nodes.filter((n) => n.kind === 'outcome' && !reached.has(n.id)).map((n) => n.id);
    return outcomes.length > 0 ? [{ graph: graph.id, outcomes }] : [];
  });
}

const numbers = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/** "five checks", "one check": a graph's checks counted in words, for pages and the player's wording. */
export function checksCount(graph: Pick<Flowchart, 'checks'>): string {
  const n = graph.checks.length;
  return `${numbers[n] ?? n} check${n === 1 ? '' : 's'}`;
}

/** The note under an outcome in the drawing: what follows it. */
export function outcomeNote(outcome: Pick<OutcomeNode, 'replies' | 'choose'>, graph: Pick<Flowchart, 'checks' | 'kind'>): string {
  const kind = choiceKind(outcome);
  if (kind === 'action') return 'Choose what to do';
  if (outcome.replies === 'maybe') return 'Decide whether to reply';
  if (kind === 'reply') return `You reply: use the ${checksCount(graph)}`;
  return graph.kind === 'own-action' ? 'Nothing more to choose' : 'No reply';
}

/** The words the scenario player uses for the choice at an outcome, set at build time so the island ships no wording logic. */
export interface ChoiceWords {
  /** Above the list: "Which reply would you post? …" */
  intro: string;
  /** The button: "Choose reply" (the number follows). */
  button: string;
  /** "Your reply" / "Your choice". */
  mine: string;
  /** "The best reply" / "The best choice". */
  best: string;
  /** "Not the best reply" / "Not the best choice". */
  notBest: string;
  /** "It passes all five checks." */
  passes: string;
  /** Quotation marks round a drafted reply; none round an action. */
  open: string;
  close: string;
}

export function choiceWords(kind: 'reply' | 'action', graph: Pick<Flowchart, 'checks'>): ChoiceWords {
  const checks = checksCount(graph);
  const n = graph.checks.length;
  const passes = n === 0 ? 'It is the best choice.' : n === 1 ? 'It passes the check.' : n === 2 ? 'It passes both checks.' : `It passes all ${checks}.`;
  return kind === 'reply'
    ? { intro: `Which reply would you post? Check each against the ${checks} before you respond.`, button: 'Choose reply', mine: 'Your reply', best: 'The best reply', notBest: 'Not the best reply', passes, open: '“', close: '”' }
    : { intro: `What would you do? ${n ? `Check each choice against the ${checks}.` : 'Pick one.'}`, button: 'Choose option', mine: 'Your choice', best: 'The best choice', notBest: 'Not the best choice', passes, open: '', close: '' };
}

/** `"should I respond?" flowchart`, or both names and "flowcharts" for several graphs: how pages link to the flowchart page. */
export function flowchartsLabel(graphs: readonly Pick<Flowchart, 'name' | 'kind'>[]): string {
  const names = graphs.map((g) => `"${graphName(g).replace(/^./, (c) => c.toLowerCase())}"`).join(' and ');
  return `${names} flowchart${graphs.length === 1 ? '' : 's'}`;
}

/**
 * The shared graph in a pack's own words: `{officer}`, `{escalation}` and `[[ … ]]` in its text are
 * filled from the pack (src/lib/roles.ts), so a Clerk's pack never reads "Monitoring Officer". IDs
 * and structure are untouched; only text changes.
 */
export function inPackWords<G extends PackGraph>(graph: G, wording: Wording): G {
  const fill = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key === 'id' || key === 'kind' ? value : fillWording(value, wording);
    if (Array.isArray(value)) return value.map((v) => fill(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, k)]));
    return value;
  };
  const nodes = fill(graph.nodes) as G['nodes'];
  return { ...graph, nodes, byId: new Map(nodes.map((n) => [n.id, n])), checks: fill(graph.checks) as G['checks'] };
}
