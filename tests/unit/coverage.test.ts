/**
 * Rule coverage: every rule of every pack (its rules.yaml) is taught by at least one of that pack's
 * lessons, and the shipped packs' rules are exactly shared/policy-rules.md's (copied to
 * tests/fixtures). Prints the figure.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LessonSchema } from '../../src/schemas/lesson.ts';
import { loadAssessment, loadChecks, loadFlowchart, loadPacks, loadScenarios } from '../../src/lib/load.ts';
import { inventory, lessonFiles, root } from './support/content.ts';

const packs = loadPacks(root);
const lessons = lessonFiles();
const report: string[] = [];

const taughtIn = (pack: string) =>
  new Set(lessons.filter((l) => l.pack === pack).flatMap((l) => LessonSchema.parse(l.data).rules));

describe('rule coverage', () => {
  it('the shipped packs hold exactly the rules of shared/policy-rules.md', () => {
    const rules = inventory();
    expect(rules).toHaveLength(91);
    for (const pack of ['wyre', 'ashfield']) {
      const packRules = packs.find((p) => p.pack.id === pack)!.rules;
      const expected = rules.filter((r) => r.pack === pack).map(({ id, assessed }) => ({ id, assessed }));
      expect(packRules.map(({ id, assessed }) => ({ id, assessed }))).toEqual(expected);
    }
  });

  it('every rule ID of every pack is taught by one of its lessons', () => {
    let taughtTotal = 0;
    let total = 0;
    const missing: string[] = [];
    for (const { pack, rules } of packs) {
      const taught = taughtIn(pack.id);
      const count = rules.filter((r) => taught.has(r.id)).length;
      missing.push(...rules.filter((r) => !taught.has(r.id)).map((r) => r.id));
      report.push(`  ${pack.id}: ${count}/${rules.length}`);
      taughtTotal += count;
      total += rules.length;
    }
    report.unshift(`Rule coverage: ${taughtTotal}/${total} rule IDs taught`);
    expect(missing).toEqual([]);
  });
});

describe('assessment coverage', () => {
  it('every assessed [A] rule ID of every pack is assessed on the induction route: a required knowledge-check question or a scenario', () => {
    const graph = loadFlowchart(root);
    let assessedTotal = 0;
    let total = 0;
    const missing: string[] = [];
    const lines: string[] = [];
    for (const { pack, rules } of packs) {
      const assessing = new Set([
        // Practice questions are optional, so they do not count.
        ...loadChecks(root, pack.id).flatMap((c) => c.questions.filter((q) => !q.practice).flatMap((q) => q.rules)),
        ...loadScenarios(root, pack.id, graph).flatMap((s) => [...s.data.rules, ...s.data.path.flatMap((p) => p.rules)]),
      ]);
      const required = rules.filter((r) => r.assessed);
      const count = required.filter((r) => assessing.has(r.id)).length;
      missing.push(...required.filter((r) => !assessing.has(r.id)).map((r) => r.id));
      lines.push(`  ${pack.id}: ${count}/${required.length}`);
      assessedTotal += count;
      total += required.length;
    }
    report.push(`Assessment coverage: ${assessedTotal}/${total} assessed rule IDs covered`, ...lines);
    expect(missing).toEqual([]);
    expect(inventory().filter((r) => r.assessed)).toHaveLength(59);
  });

  it('every assessed [A] rule ID of every pack is in its final-assessment bank too', () => {
    const graph = loadFlowchart(root);
    const lines: string[] = [];
    const missing: string[] = [];
    for (const pack of packs) {
      const inBank = new Set(loadAssessment(root, pack, graph).flatMap((q) => q.rules));
      const required = pack.rules.filter((r) => r.assessed);
      missing.push(...required.filter((r) => !inBank.has(r.id)).map((r) => r.id));
      lines.push(`  ${pack.pack.id}: ${required.filter((r) => inBank.has(r.id)).length}/${required.length}`);
    }
    report.push('Final-assessment banks cover:', ...lines);
    expect(missing).toEqual([]);
  });
});

afterAll(() => console.log(report.join('\n')));
