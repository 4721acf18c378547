/** Cross-file checks on quiz data: each scenario against the graph it uses. Messages name the file and the graph. */
import type { PackGraph } from './flowchart.ts';
import { CourseDataError, parseOrExplain } from './friendly-errors.ts';
import { choiceKind, graphKey, graphLabel, resolveGraph } from './graphs.ts';
import { ScenarioSchema, type Scenario } from '../schemas/scenario.ts';
import { walk, WalkError } from './walk.ts';

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id).join(', ');

/** A pack's rule IDs and the file that defines them, for naming it when a scenario cites another. */
export interface KnownRules {
  ids: ReadonlySet<string>;
  file: string;
}

/** Rule IDs a scenario cites (its own, each step's, each choice's) that its pack does not define. */
function unknownRules(scenario: Scenario, rules: KnownRules): string[] {
  const named: [string, readonly string[]][] = [
    ['rules', scenario.rules],
    ...scenario.path.map((step, i): [string, readonly string[]] => [`path[${i}].rules`, step.rules]),
    ...(['replies', 'actions'] as const).flatMap((field) =>
      (scenario[field] ?? []).map((choice, i): [string, readonly string[]] => [`${field}[${i}].rules`, choice.rules])),
  ];
  return named.flatMap(([field, list]) => list.filter((id) => !rules.ids.has(id))
    .map((id) => `field "${field}": "${id}" is not a rule in ${rules.file}`));
}

/**
 * Problems with a valid-shaped scenario that only its graph, and its pack's rules, can reveal.
 * Without `rules` (tests of the graph alone) rule IDs are not checked.
 */
export function scenarioProblems(graph: PackGraph, scenario: Scenario, rules?: KnownRules): string[] {
  const problems: string[] = rules ? unknownRules(scenario, rules) : [];
  const uses = `the graph this scenario uses (${graphLabel(graph)})`;
  const questions = graph.nodes.filter((n) => n.kind === 'question');
  const outcomes = graph.nodes.filter((n) => n.kind === 'outcome');
  // A node from another graph: say so plainly rather than as an answer out of turn.
  scenario.path.forEach((step, i) => {
    if (graph.byId.get(step.node)?.kind !== 'question') problems.push(`step ${i + 1} names node "${step.node}", which is not in ${uses}: its questions are ${ids(questions)}`);
  });
  if (problems.length === 0) {
    try {
      const result = walk(graph, scenario.path);
      if (result.outcome === undefined) {
        problems.push(`field "path": the canonical answers stop at "${result.at}", a question; continue the path to the outcome`);
      } else if (result.outcome !== scenario.outcome) {
        problems.push(`field "outcome": the canonical answers walk the flowchart to "${result.outcome}", not "${scenario.outcome}"`);
      }
    } catch (error) {
      if (!(error instanceof WalkError)) throw error;
      problems.push(`field "path": ${error.message}`);
    }
  }
  if (graph.kind === 'own-action' ? !scenario.intention : !scenario.post) {
    problems.push(graph.kind === 'own-action'
      ? `field "intention" is missing: ${uses} is about the member's own action, so say what they want to do`
      : `field "post" is missing: ${uses} is about answering someone else's post, so give the post`);
  }
  const outcome = graph.byId.get(scenario.outcome);
  if (!outcome || outcome.kind !== 'outcome') {
    problems.push(`field "outcome": "${scenario.outcome}" is not an outcome of ${uses}: its outcomes are ${ids(outcomes)}`);
    return problems;
  }
  const kind = choiceKind(outcome);
  if (kind === 'reply' && outcome.replies === 'yes' && !scenario.replies) problems.push(`field "replies" is missing: "${outcome.id}" leads to a reply, so give two or three drafted replies`);
  if (kind === 'action' && outcome.replies !== 'maybe' && !scenario.actions) problems.push(`field "actions" is missing: "${outcome.id}" asks which action to take (choose: action), so give two to four actions`);
  if (scenario.replies && kind !== 'reply') {
    problems.push(kind === 'action'
      ? `field "replies": "${outcome.id}" asks for an action (choose: action), so give "actions" instead of drafted replies`
      : `field "replies": "${outcome.id}" means not replying, so remove the drafted replies`);
  }
  if (scenario.actions && kind !== 'action') {
    problems.push(`field "actions": "${outcome.id}" ${kind === 'reply' ? 'asks for a drafted reply, so give "replies" instead' : 'asks for no choice, so remove the actions'} (an outcome asks for actions with "choose: action")`);
  }
  const checks = new Set(graph.checks.map((c) => c.id));
  const known = graph.checks.length > 0 ? `its checks are ${ids(graph.checks)}` : 'it has no checks';
  for (const field of ['replies', 'actions'] as const) {
    scenario[field]?.forEach((choice, i) => {
      for (const id of choice.breaks) if (!checks.has(id)) problems.push(`field "${field}[${i}].breaks": "${id}" is not a check of ${uses}: ${known}`);
    });
  }
  return problems;
}

/**
 * Validates a scenario file's data: shape, then which of the pack's graphs it uses, then its walk
 * through that graph and the rule IDs it cites. The scenario comes back with `graph` set to the
 * graph's key: the ID of a pack's own graph, absent for the shared graph (so shared-graph scenarios
 * read as before).
 */
export function parseScenario(data: unknown, file: string, graphs: readonly PackGraph[], pack: string, rules: KnownRules): { scenario: Scenario; graph: PackGraph } {
  const { graph: name, ...scenario } = parseOrExplain(ScenarioSchema, data, file);
  const graph = resolveGraph(graphs, name, pack);
  if (typeof graph === 'string') throw new CourseDataError(file, [graph]);
  const problems = scenarioProblems(graph, scenario, rules);
  if (problems.length > 0) throw new CourseDataError(file, problems);
  const key = graphKey(graph);
  return { scenario: key === undefined ? scenario : { ...scenario, graph: key }, graph };
}
