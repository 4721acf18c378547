/**
 * Rule coverage: every rule of every pack found under content/ is taught by one of its lessons, and
 * every assessed [A] rule is scored on the induction route (a required knowledge-check question, or
 * a decision or reply choice in an induction scenario) and asked in the final-assessment bank. The
 * shipped packs' rules are exactly shared/policy-rules.md's (copied to tests/fixtures). Prints the figures.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ruleCoverage, scoredRules, type Coverage, type CoverageInput } from '../../src/lib/coverage.ts';
import { LessonSchema } from '../../src/schemas/lesson.ts';
import { loadAssessment, loadChecks, loadFlowchart, loadPacks, loadScenarios } from '../../src/lib/load.ts';
import { SHIPPED_PACKS } from '../support/packs.ts';
import { inventory, lessonFiles, root } from './support/content.ts';

const packs = loadPacks(root);
const lessons = lessonFiles();
const graph = loadFlowchart(root);
const report: string[] = [];

/** A pack's coverage, from its files. */
function coverageOf(id: string): Coverage {
  const { pack, rules } = packs.find((p) => p.pack.id === id)!;
  return ruleCoverage({
    rules,
    lessons: lessons.filter((l) => l.pack === id).map((l) => LessonSchema.parse(l.data)),
    checks: loadChecks(root, id).flatMap((c) => c.questions),
    scenarios: loadScenarios(root, id, graph).map((s) => ({ ...s.data, id: s.id })),
    induction: pack.routes.induction,
    bank: loadAssessment(root, { pack, rules }, graph),
  });
}

const coverage = new Map(packs.map((p) => [p.pack.id, coverageOf(p.pack.id)]));

/** Prints "<title>: covered/total <what>" and a line per pack; returns the rule IDs missing. */
function tally(title: string, what: string, part: keyof Coverage): string[] {
  const lines = [...coverage].map(([id, c]) => `  ${id}: ${c[part].covered.length}/${c[part].covered.length + c[part].missing.length}`);
  const covered = [...coverage.values()].reduce((n, c) => n + c[part].covered.length, 0);
  const missing = [...coverage.values()].flatMap((c) => c[part].missing);
  report.push(`${title}: ${covered}/${covered + missing.length} ${what}`, ...lines);
  return missing;
}

describe('rule coverage', () => {
  it('the shipped packs hold exactly the rules of shared/policy-rules.md', () => {
    const rules = inventory();
    expect(rules).toHaveLength(91);
    expect(rules.filter((r) => r.assessed)).toHaveLength(59);
    for (const pack of SHIPPED_PACKS) {
      const packRules = packs.find((p) => p.pack.id === pack)!.rules;
      const expected = rules.filter((r) => r.pack === pack).map(({ id, assessed }) => ({ id, assessed }));
      expect(packRules.map(({ id, assessed }) => ({ id, assessed }))).toEqual(expected);
    }
  });

  it('every rule ID of every pack is taught by one of its lessons', () => {
    expect(tally('Rule coverage', 'rule IDs taught', 'taught')).toEqual([]);
  });
});

describe('assessment coverage', () => {
  it('every assessed [A] rule ID of every pack is scored on the induction route: a required knowledge-check question, or a decision or reply choice in an induction scenario', () => {
    expect(tally('Assessment coverage', 'assessed rule IDs covered', 'assessed')).toEqual([]);
  });

  it('every assessed [A] rule ID of every pack is in its final-assessment bank too', () => {
    expect(tally('Final-assessment banks cover', 'assessed rule IDs', 'bank')).toEqual([]);
  });
});

describe('ruleCoverage counts only what is scored', () => {
  const base: CoverageInput = {
    rules: [{ id: 'R-1', assessed: true }, { id: 'R-2', assessed: false }],
    lessons: [{ rules: ['R-1', 'R-2'] }],
    checks: [],
    scenarios: [],
    induction: ['s1'],
    bank: [{ rules: ['R-1'] }],
  };
  const assessed = (change: Partial<CoverageInput>) => ruleCoverage({ ...base, ...change }).assessed;

  it('not a rule a scenario lists at the top: that says what it is about, not what it scores', () => {
    const scenario = { id: 's1', rules: ['R-1'], path: [{ rules: [] }] };
    expect(scoredRules(scenario)).toEqual([]);
    expect(assessed({ scenarios: [scenario] })).toEqual({ covered: [], missing: ['R-1'] });
  });

  it('a rule a decision or a reply choice of an induction scenario tests', () => {
    expect(assessed({ scenarios: [{ id: 's1', path: [{ rules: [] }, { rules: ['R-1'] }] }] }).covered).toEqual(['R-1']);
    expect(assessed({ scenarios: [{ id: 's1', path: [{ rules: [] }], replies: [{ rules: ['R-1'] }, {}] }] }).covered).toEqual(['R-1']);
  });

  it('not a decision in a scenario off the induction route, which is optional practice', () => {
    expect(assessed({ scenarios: [{ id: 's2', path: [{ rules: ['R-1'] }] }] }).missing).toEqual(['R-1']);
  });

  it('a required knowledge-check question, not a practice one', () => {
    expect(assessed({ checks: [{ rules: ['R-1'], practice: true }] }).missing).toEqual(['R-1']);
    expect(assessed({ checks: [{ rules: ['R-1'], practice: false }] }).covered).toEqual(['R-1']);
    expect(assessed({ checks: [{ rules: ['R-1'] }] }).covered).toEqual(['R-1']);
  });

  it('counts taught rules from lessons and the bank on its own', () => {
    const c = ruleCoverage({ ...base, lessons: [{ rules: ['R-2'] }], bank: [] });
    expect(c.taught).toEqual({ covered: ['R-2'], missing: ['R-1'] });
    expect(c.bank).toEqual({ covered: [], missing: ['R-1'] });
  });
});

afterAll(() => console.log(report.join('\n')));
