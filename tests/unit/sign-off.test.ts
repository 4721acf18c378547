import { SignOffFormSchema } from '../../src/schemas/sign-off.ts';
import { describe, expect, it } from 'vitest';
import { eligibility } from '../../src/lib/eligibility.ts';
import { rescore, RescoreError } from '../../src/lib/rescore.ts';
import { drawQuestions, publicQuestion, readAnswers, scoreAssessment } from '../../src/lib/assessment.ts';
import type { AssessmentQuestion } from '../../src/schemas/assessment.ts';
import { courseFor, perfectProgress } from './support/course.ts';

const wyre = courseFor('wyre');

describe('re-scoring what the browser sends', () => {
  it('scores a perfect learner fully', () => {
    const { scores } = rescore(wyre, perfectProgress(wyre));
    expect(scores.scenarios).toEqual({ completed: wyre.scenarios.length, total: wyre.scenarios.length, correct: scores.scenarios.asked, asked: scores.scenarios.asked });
    expect(scores.lessons).toEqual({ visited: wyre.lessons.length, total: wyre.lessons.length });
  });

  it('ignores forged "correct" flags on wrong answers and replies', () => {
    const p = perfectProgress(wyre);
    const s = wyre.scenarios[0]!;
    const flipped = (a: 'yes' | 'no') => (a === 'yes' ? 'no' : 'yes');
    p.scenarios[s.id] = {
      answers: s.path.map((step) => ({ node: step.node, answer: flipped(step.answer), correct: true })),
      ...(s.replies ? { reply: s.replies.findIndex((r) => r.breaks.length > 0), replyCorrect: true } : {}),
      done: true,
    };
    const result = rescore(wyre, p).scenarios.find((r) => r.scenario === s.id)!;
    expect(result.decisions.every((d) => !d.correct)).toBe(true);
    expect(result.correct).toBe(0);
    expect(result.reply?.correct ?? false).toBe(false);
  });

  it('ignores forged "correct" flags on knowledge-check answers', () => {
    const [lesson, questions] = Object.entries(wyre.checks)[0]!;
    const q = questions[0]!;
    const wrong = q.options.findIndex((o) => !o.correct);
    const p = { ...perfectProgress(wyre), checks: { [q.id]: { selected: [wrong], correct: true } } };
    expect(rescore(wyre, p).checks).toEqual([{ question: q.id, selected: [wrong], correct: false }]);
    expect(lesson).toBeTruthy();
  });

  it.each([
    ['an unknown scenario', (p: ReturnType<typeof perfectProgress>) => { p.scenarios['99-made-up'] = { answers: [], done: false }; }, /not part of this course/],
    ['an answer out of turn', (p: ReturnType<typeof perfectProgress>) => { p.scenarios[wyre.scenarios[0]!.id]!.answers[0]!.node = 'q-unhappy'; }, /is for "q-unhappy"/],
    ['too many answers', (p: ReturnType<typeof perfectProgress>) => { const a = p.scenarios[wyre.scenarios[0]!.id]!.answers; a.push(a[0]!); }, /answers given/],
    ['an unknown lesson', (p: ReturnType<typeof perfectProgress>) => { p.lessons.push('wyre/modules/99-none'); }, /lesson "wyre\/modules\/99-none"/],
    ['an unknown check question', (p: ReturnType<typeof perfectProgress>) => { p.checks['made-up'] = { selected: [0], correct: true }; }, /"made-up"/],
  ])('refuses %s with a message naming it', (_name, spoil, message) => {
    const p = perfectProgress(wyre);
    spoil(p);
    expect(() => rescore(wyre, p)).toThrow(RescoreError);
    expect(() => rescore(wyre, p)).toThrow(message);
  });
});

describe('eligibility', () => {
  it('is eligible with every lesson, every scenario and a passed assessment', () => {
    expect(eligibility(wyre.requirements, perfectProgress(wyre), 'passed')).toEqual({ eligible: true, missingLessons: [], missingQuestions: [], missingScenarios: [], assessment: 'passed' });
  });

  it('lists what is missing, in course order', () => {
    const p = perfectProgress(wyre);
    p.lessons = p.lessons.filter((l) => l !== wyre.lessons[2] && l !== wyre.lessons[0]);
    const last = wyre.scenarios.at(-1)!;
    p.scenarios[last.id]!.answers.pop();
    delete p.scenarios[wyre.scenarios[1]!.id];
    const [q1, q2] = [wyre.requirements.questions[1]!, wyre.requirements.questions[3]!];
    delete p.checks[q2];
    delete p.checks[q1];
    const result = eligibility(wyre.requirements, p, 'failed');
    expect(result).toEqual({
      eligible: false,
      missingLessons: [wyre.lessons[0], wyre.lessons[2]],
      missingQuestions: [q1, q2],
      missingScenarios: [wyre.scenarios[1]!.id, last.id],
      assessment: 'failed',
    });
  });

  it('needs the reply picked where a scenario asks for one, and the assessment passed', () => {
    const p = perfectProgress(wyre);
    const withReply = wyre.scenarios.find((s) => s.replies)!;
    delete p.scenarios[withReply.id]!.reply;
    expect(eligibility(wyre.requirements, p, 'passed').missingScenarios).toEqual([withReply.id]);
    expect(eligibility(wyre.requirements, perfectProgress(wyre), 'not-taken').eligible).toBe(false);
  });
});

const bank: AssessmentQuestion[] = Array.from({ length: 30 }, (_, i) => ({
  id: `fa-q${i}`,
  kind: 'rule',
  type: i % 5 === 0 ? 'multiple' : 'single',
  prompt: `Question ${i}`,
  rules: ['W-3.1'],
  options: [
    { text: 'A', correct: true, feedback: 'Right.' },
    { text: 'B', correct: i % 5 === 0, feedback: 'Hm.' },
    { text: 'C', correct: false, feedback: 'Wrong.' },
  ],
  explanation: `Because ${i}.`,
}));

/** Mulberry32, seeded: draws are repeatable in tests. */
function seeded(seed: number) {
  return (k: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
  };
}

describe('final assessment', () => {
  it('draws N different questions in random order', () => {
    const one = drawQuestions(bank, 10, seeded(1));
    const two = drawQuestions(bank, 10, seeded(2));
    expect(one).toHaveLength(10);
    expect(new Set(one).size).toBe(10);
    expect(one).not.toEqual(two);
    expect(one.every((id) => bank.some((q) => q.id === id))).toBe(true);
    expect(drawQuestions(bank.slice(0, 3), 10, seeded(3))).toHaveLength(3);
  });

  it('every question can be drawn, in any position', () => {
    const random = seeded(7);
    const firsts = new Set(Array.from({ length: 600 }, () => drawQuestions(bank, 10, random)[0]));
    expect(firsts.size).toBe(bank.length);
  });

  it('shows questions without the answer key', () => {
    const shown = JSON.stringify(bank.map(publicQuestion));
    expect(shown).not.toMatch(/correct|feedback|explanation|Because|Right\./);
  });

  it('reads answers, naming unanswered and impossible ones', () => {
    const drawn = bank.slice(0, 3);
    const form = new URLSearchParams('answer-fa-q0=0&answer-fa-q0=1&answer-fa-q1=2');
    expect(readAnswers(drawn, (n) => form.getAll(n))).toEqual({ ok: false, unanswered: ['fa-q2'], invalid: [], answers: { 'fa-q0': [0, 1], 'fa-q1': [2] } });
    const bad = new URLSearchParams('answer-fa-q0=7&answer-fa-q1=0&answer-fa-q1=1&answer-fa-q2=x');
    expect(readAnswers(drawn, (n) => bad.getAll(n))).toMatchObject({ ok: false, invalid: ['fa-q0', 'fa-q1', 'fa-q2'] });
  });

  it('passes at exactly the pass mark, and counts a blank answer as wrong', () => {
    const drawn = bank.slice(1, 11); // single-choice except fa-q5 and fa-q10
    const answers = Object.fromEntries(drawn.map((q) => [q.id, q.type === 'multiple' ? [0, 1] : [0]]));
    expect(scoreAssessment(drawn, answers, 80)).toMatchObject({ correct: 10, total: 10, percent: 100, passed: true });
    answers['fa-q1'] = [2];
    answers['fa-q2'] = [];
    expect(scoreAssessment(drawn, answers, 80)).toMatchObject({ correct: 8, percent: 80, passed: true });
    answers['fa-q5'] = [0];
    expect(scoreAssessment(drawn, answers, 80)).toMatchObject({ correct: 7, percent: 70, passed: false });
  });
});

describe('names on the declaration form', () => {
  const form = (name: string) => SignOffFormSchema.safeParse({ name, role: 'councillor', wardOrCommittee: 'Garstang', email: '', declaration: 'agreed' });
  it('accepts names in any script, with a joiner between two letters where a spelling needs one', () => {
    for (const name of ['Siân Ŵyn Llŷr', 'প্রিয়া শর্মা', 'प्रिया शर्मा', 'ਹਰਪ੍ਰੀਤ ਕੌਰ', 'محمد علي', 'فاطمه\u200Cزاده', 'क्\u200Dष', '王小明', 'Zofia Żółkiewska']) {
      expect(form(name).success, name).toBe(true);
    }
  });
  it('refuses markup, a joiner that joins nothing, and text-direction marks', () => {
    for (const name of ['<b>Jane</b>', '\u200CJane', 'Jane \u200D', 'Evil\u202Eredro', 'Jane\u200BSmith']) expect(form(name).success, name).toBe(false);
  });
});
