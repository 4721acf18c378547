/** The final-assessment banks: valid, big enough, both kinds of question, and friendly errors for mistakes. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadAssessment, loadFlowchart, loadPacks } from '../../src/lib/load.ts';
import { CourseDataError } from '../../src/lib/friendly-errors.ts';
import { root } from './support/content.ts';

const graph = loadFlowchart(root);
const packs = loadPacks(root);

describe.each(packs.map((p) => [p.pack.id, p] as const))('%s final-assessment bank', (_id, pack) => {
  const bank = loadAssessment(root, pack, graph);

  it('holds at least 24 questions, more than an attempt draws', () => {
    expect(bank.length).toBeGreaterThanOrEqual(24);
    expect(bank.length).toBeGreaterThan(pack.pack.assessmentQuestions);
  });

  it('asks both flowchart decisions (on at least 8 different nodes) and rule questions', () => {
    const decisions = bank.filter((q) => q.kind === 'decision');
    expect(new Set(decisions.map((q) => q.node)).size).toBeGreaterThanOrEqual(8);
    expect(bank.filter((q) => q.kind === 'rule').length).toBeGreaterThanOrEqual(12);
  });

  it('explains without repeating a right option word for word (results show explanations, not the key: security review row 9)', () => {
    const words = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
    const repeating = bank.filter((q) => q.options.some((o) => o.correct && words(q.explanation).includes(words(o.text)))).map((q) => q.id);
    expect(repeating).toEqual([]);
  });

  it('does not always put the right answer in the same place', () => {
    const places = new Set(bank.filter((q) => q.type === 'single').map((q) => q.options.findIndex((o) => o.correct)));
    expect(places.size).toBeGreaterThanOrEqual(3);
  });
});

describe('assessment bank errors name the file and the question', () => {
  function broken(change: (data: { questions: Record<string, unknown>[] }) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'bank-'));
    mkdirSync(join(dir, 'quizzes', 'wyre'), { recursive: true });
    const data = parse(readFileSync(join(root, 'quizzes', 'wyre', 'assessment.yaml'), 'utf8'));
    change(data);
    writeFileSync(join(dir, 'quizzes', 'wyre', 'assessment.yaml'), stringify(data));
    try {
      loadAssessment(dir, packs.find((p) => p.pack.id === 'wyre')!, graph);
    } catch (error) {
      expect(error).toBeInstanceOf(CourseDataError);
      return (error as Error).message;
    }
    throw new Error('expected an error');
  }

  it.each([
    ['an unknown flowchart node', (d: { questions: Record<string, unknown>[] }) => { d.questions.find((q) => q.kind === 'decision')!.node = 'q-nowhere'; }, /"q-nowhere" is not a node of quizzes\/flowchart.yaml/],
    ['a rule of another pack', (d: { questions: Record<string, unknown>[] }) => { d.questions[0]!.rules = ['A-1.1']; }, /"A-1.1" not in content\/wyre\/rules.yaml/],
    ['a repeated ID', (d: { questions: Record<string, unknown>[] }) => { d.questions[1]!.id = d.questions[0]!.id; }, /is used twice/],
    ['a rule question with a node', (d: { questions: Record<string, unknown>[] }) => { d.questions.find((q) => q.kind === 'rule')!.node = 'q-unlawful'; }, /a decision question names its flowchart node; a rule question does not/],
    ['too few questions', (d: { questions: Record<string, unknown>[] }) => { d.questions.length = 10; }, /at least 24 questions/],
  ])('%s', (_name, change, message) => {
    const text = broken(change);
    expect(text).toContain('quizzes/wyre/assessment.yaml');
    expect(text).toMatch(message);
  });
});
