/**
 * Rule coverage: every rule of every pack (its rules.yaml) is taught by at least one of that pack's
 * lessons, and the shipped packs' rules are exactly shared/policy-rules.md's (copied to
 * tests/fixtures). Prints the figure.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LessonSchema } from '../../src/schemas/lesson.ts';
import { loadPacks } from '../../src/lib/load.ts';
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

afterAll(() => console.log(report.join('\n')));
