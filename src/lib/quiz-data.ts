/** Cross-file checks on quiz data: scenarios against the flowchart. Messages name the file. */
import type { FlowGraph } from './flowchart.ts';
import { CourseDataError, parseOrExplain } from './friendly-errors.ts';
import { ScenarioSchema, type Scenario } from '../schemas/scenario.ts';
import { walk, WalkError } from './walk.ts';

/** Problems with a valid-shaped scenario that only the flowchart can reveal. */
export function scenarioProblems(graph: FlowGraph, scenario: Scenario): string[] {
  const problems: string[] = [];
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
  const outcome = graph.byId.get(scenario.outcome);
  if (!outcome || outcome.kind !== 'outcome') {
    problems.push(`field "outcome": "${scenario.outcome}" is not an outcome of the flowchart`);
    return problems;
  }
  if (outcome.replies === 'yes' && !scenario.replies) problems.push(`field "replies" is missing: "${outcome.id}" leads to a reply, so give two or three drafted replies`);
  if (outcome.replies === 'no' && scenario.replies) problems.push(`field "replies": "${outcome.id}" means not replying, so remove the drafted replies`);
  const checks = new Set(graph.checks.map((c) => c.id));
  scenario.replies?.forEach((reply, i) => {
    for (const id of reply.breaks) if (!checks.has(id)) problems.push(`field "replies[${i}].breaks": "${id}" is not one of the five checks`);
  });
  return problems;
}

/** Validates a scenario file's data: shape, then its walk through the flowchart. */
export function parseScenario(data: unknown, file: string, graph: FlowGraph): Scenario {
  const scenario = parseOrExplain(ScenarioSchema, data, file);
  const problems = scenarioProblems(graph, scenario);
  if (problems.length > 0) throw new CourseDataError(file, problems);
  return scenario;
}
