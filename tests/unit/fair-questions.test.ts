/**
 * Questions that reading decides (issue 14, review finding F25): in each pack's final-assessment bank,
 * absolute words ("never", "only", "all"…) must not mark the wrong options. A test-wise learner who
 * strikes out every option with an absolute should gain little, so distractors may carry absolutes at
 * no more than twice the rate right answers do (a rate: options with an absolute / options). When no
 * right answer has one, at most 5% of distractors may. Prints the figures.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadAssessment, loadFlowchart, loadPacks } from '../../src/lib/load.ts';
import { root } from './support/content.ts';

/**
 * The words test-taking advice tells people to distrust: sweeping quantifiers and unconditional
 * modals, with their one-word and hyphenated forms ("no-one", "can't"). Left out: "no" and "not",
 * which every yes/no option needs, and softer words ("usually", "should") that are not tells.
 */
const ABSOLUTES = [
  'never', 'always', 'only', 'any', 'anyone', 'anybody', 'anything', 'all', 'every', 'everyone', 'everybody',
  'everything', 'nothing', 'none', 'no one', 'no-one', 'nobody', 'completely', 'totally', 'entirely', 'must',
  'cannot', "can't",
];
const ABSOLUTE = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${ABSOLUTES.map((w) => w.replace(/[-']/g, '[-\'’ ]?')).join('|')})(?![\\p{L}\\p{N}-])`, 'iu');

/** Whether an option's wording has an absolute in it. */
const hasAbsolute = (text: string) => ABSOLUTE.test(text);

const graph = loadFlowchart(root);
const packs = loadPacks(root);
const report: string[] = [];

describe('the absolute-word matcher', () => {
  it('finds the words whole, in any case, and in their other spellings', () => {
    for (const text of ['It can NEVER be shared', 'Only the chair', 'no one reads it', 'No-one reads it', 'She can’t post', 'delete all of it', "adds 'all views my own'"]) {
      expect(hasAbsolute(text), text).toBe(true);
    }
  });

  it('does not find them inside other words or in "no" on its own', () => {
    for (const text of ['Anyway, it is allowed', 'the company is totalling it', 'No — it is a complaint', 'mustard and onlyness']) {
      expect(hasAbsolute(text), text).toBe(false);
    }
  });
});

describe.each(packs.map((p) => [p.pack.id, p] as const))('%s final-assessment bank', (id, pack) => {
  const options = loadAssessment(root, pack, graph).flatMap((q) => q.options);
  const count = (correct: boolean) => {
    const these = options.filter((o) => o.correct === correct);
    return { absolutes: these.filter((o) => hasAbsolute(o.text)).length, total: these.length };
  };
  const wrong = count(false);
  const right = count(true);
  report.push(`Absolutes: ${id} distractors ${wrong.absolutes}/${wrong.total}, right ${right.absolutes}/${right.total}`);

  it('does not give away wrong options by their absolute words', () => {
    const rightRate = right.absolutes / right.total;
    const allowed = rightRate === 0 ? 0.05 : 2 * rightRate;
    expect(wrong.absolutes / wrong.total, `${wrong.absolutes}/${wrong.total} distractors against ${right.absolutes}/${right.total} right answers`)
      .toBeLessThanOrEqual(allowed);
  });
});

afterAll(() => console.log(report.join('\n')));
