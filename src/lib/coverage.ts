/**
 * Rule coverage of one pack, counted honestly: a rule is *taught* when a lesson lists it, and
 * *assessed* only when an item the learner is scored on tests it (a required knowledge-check
 * question, or a decision or reply choice in an induction scenario), never because a scenario
 * lists it in its top-level `rules`, which says what the scenario is about, not what it scores.
 */

/** What a scenario scores: each decision on its path, and each drafted reply or action choice. */
export interface ScoredScenario {
  id: string;
  path: readonly { rules: readonly string[] }[];
  /** Choices offered at the outcome (drafted replies, actions); counted when a choice names the rules it tests. */
  replies?: readonly { rules?: readonly string[]; [field: string]: unknown }[];
}

export interface CoverageInput {
  rules: readonly { id: string; assessed: boolean }[];
  lessons: readonly { rules: readonly string[] }[];
  /** Every knowledge-check question; practice ones are optional, so they do not count. */
  checks: readonly { rules: readonly string[]; practice?: boolean }[];
  scenarios: readonly ScoredScenario[];
  /** The scenario IDs of the induction route: the others are optional practice. */
  induction: readonly string[];
  /** The final-assessment bank. */
  bank: readonly { rules: readonly string[] }[];
}

/** Rule IDs found and missing among those required. */
export interface Covered {
  covered: string[];
  missing: string[];
}

export interface Coverage {
  /** Every rule, taught by a lesson. */
  taught: Covered;
  /** Every `assessed` rule, scored on the induction route. */
  assessed: Covered;
  /** Every `assessed` rule, asked in the final-assessment bank. */
  bank: Covered;
}

/** The rule IDs a scenario scores a learner on, from its decisions and choices only. */
export function scoredRules(scenario: ScoredScenario): string[] {
  return [...scenario.path.flatMap((step) => step.rules), ...(scenario.replies ?? []).flatMap((reply) => reply.rules ?? [])];
}

function split(required: readonly string[], found: Iterable<string>): Covered {
  const have = new Set(found);
  return { covered: required.filter((id) => have.has(id)), missing: required.filter((id) => !have.has(id)) };
}

export function ruleCoverage(input: CoverageInput): Coverage {
  const all = input.rules.map((r) => r.id);
  const assessed = input.rules.filter((r) => r.assessed).map((r) => r.id);
  const induction = new Set(input.induction);
  const scored = [
    ...input.checks.filter((q) => !q.practice).flatMap((q) => q.rules),
    ...input.scenarios.filter((s) => induction.has(s.id)).flatMap(scoredRules),
  ];
  return {
    taught: split(all, input.lessons.flatMap((l) => l.rules)),
    assessed: split(assessed, scored),
    bank: split(assessed, input.bank.flatMap((q) => q.rules)),
  };
}
