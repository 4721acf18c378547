/** What the package reports to the LMS: the course status (the server's sign-off rule), and the interactions the officer reads. */
import { describe, expect, it } from 'vitest';
import * as scorm12 from 'scorm-again/scorm12';
import { courseReport, learnerName } from '../../src/lib/scorm/report.ts';
import { clockTime, interactionsOf, interactionValues } from '../../src/lib/scorm/interactions.ts';
import { ScormSession, type Scorm12Api } from '../../src/lib/scorm/adapter.ts';
import type { CourseShape, ScormState } from '../../src/lib/scorm/suspend.ts';
import { loadAssessment } from '../../src/lib/load.ts';
import { courseFor, perfectProgress } from './support/course.ts';
import { root } from './support/content.ts';

const { Scorm12API } = scorm12 as unknown as { Scorm12API: new (settings: object) => unknown };

const course = courseFor('wyre');
const bank = loadAssessment(root, course.pack, course.graph);
const passMark = course.pack.pack.passMark;
const shape: CourseShape = {
  pack: 'wyre',
  lessons: course.lessons,
  questions: [],
  scenarios: course.scenarios.map((s) => ({ id: s.id, path: s.path, replies: s.replies ?? [] })),
  assessment: bank.map((q) => ({ id: q.id })),
};
const drawn = bank.slice(0, 10).map((q) => q.id);
const right = (q: (typeof bank)[number]) => q.options.flatMap((o, i) => (o.correct ? [i] : []));
const wrong = (q: (typeof bank)[number]) => [q.options.findIndex((o) => !o.correct)];
const answers = (pick: (q: (typeof bank)[number]) => number[]) => Object.fromEntries(bank.slice(0, 10).map((q) => [q.id, pick(q)]));
const declaration = { name: 'Megan Brown', role: 'councillor' as const, wardOrCommittee: 'Garstang', at: '2026-11-20T10:00:00.000Z' };

function state(over: Partial<ScormState> = {}): ScormState {
  return { progress: perfectProgress(course), assessment: { drawn, answers: answers(right) }, ...over };
}

describe('the course status reported to the LMS', () => {
  it('is passed only when the sign-off conditions hold and the declaration is signed', () => {
    const signed = courseReport(course.requirements, bank, passMark, state({ declaration }));
    expect(signed).toMatchObject({ lessonStatus: 'passed', score: 100, finished: true });
    const unsigned = courseReport(course.requirements, bank, passMark, state());
    expect(unsigned).toMatchObject({ lessonStatus: 'incomplete', score: 100, finished: false });
  });

  it('stays incomplete, with the score, when the assessment is passed with a lesson unread', () => {
    const s = state({ declaration });
    s.progress.lessons = s.progress.lessons.slice(1);
    const report = courseReport(course.requirements, bank, passMark, s);
    expect(report).toMatchObject({ lessonStatus: 'incomplete', score: 100, finished: false });
    expect(report.verdict.missingLessons).toEqual([course.lessons[0]]);
  });

  it('stays incomplete (never failed) after a failed assessment, so the attempt is suspended for a retake', () => {
    const report = courseReport(course.requirements, bank, passMark, state({ assessment: { drawn, answers: answers(wrong) } }));
    expect(report).toMatchObject({ lessonStatus: 'incomplete', score: 0, finished: false });
  });

  it('has no score before the assessment is answered', () => {
    expect(courseReport(course.requirements, bank, passMark, state({ assessment: { drawn, answers: null } })).score).toBeNull();
  });
});

describe("the signer's name from cmi.core.student_name", () => {
  it('turns "Last, First" into "First Last" and leaves other forms alone', () => {
    expect(learnerName('Brown, Megan')).toBe('Megan Brown');
    expect(learnerName(' Llŷr, Siân Ŵyn ')).toBe('Siân Ŵyn Llŷr');
    expect(learnerName('Megan Brown')).toBe('Megan Brown');
    expect(learnerName('Brown, Jr., Megan')).toBe('Brown, Jr., Megan');
    expect(learnerName('')).toBe('');
  });
});

describe('interactions', () => {
  const all = interactionsOf(shape, bank, state());

  it('include every assessment question with its right answer, the answer given, the result and a weighting of 1', () => {
    const assessment = all.filter((x) => x.id.startsWith('assessment-'));
    expect(assessment.map((x) => x.id)).toEqual(drawn.map((id, n) => `assessment-${String(n + 1).padStart(2, '0')}-${id}`));
    for (const [n, x] of assessment.entries()) {
      const q = bank[n]!;
      expect(x).toMatchObject({ type: 'choice', weighting: 1, result: 'correct', correct: right(q).map((i) => 'abcdefgh'[i]).join(',') });
      expect(x.response).toBe(x.correct);
    }
    const failed = interactionsOf(shape, bank, state({ assessment: { drawn, answers: answers(wrong) } })).filter((x) => x.id.startsWith('assessment-'));
    expect(failed.every((x) => x.result === 'wrong' && x.response !== x.correct)).toBe(true);
  });

  it('include every scenario decision as true-false with its right answer, and each reply as a choice, weighted 0', () => {
    const decisions = course.scenarios.reduce((n, s) => n + s.path.length, 0);
    expect(all.filter((x) => x.type === 'true-false')).toHaveLength(decisions);
    const first = course.scenarios[0]!;
    expect(all[0]).toMatchObject({ id: `scenario-${first.id}-1-${first.path[0]!.node}`, correct: first.path[0]!.answer === 'yes' ? 't' : 'f', result: 'correct', weighting: 0 });
    const replies = all.filter((x) => x.id.endsWith('-reply'));
    expect(replies.length).toBe(course.scenarios.filter((s) => (s.replies ?? []).length > 0).length);
    expect(replies.every((x) => x.type === 'choice' && x.result === 'correct' && x.correct.split(',').includes(x.response))).toBe(true);
  });

  it('have readable SCORM 1.2 identifiers, unique within the run', () => {
    expect(all.every((x) => /^[A-Za-z0-9_-]{1,255}$/.test(x.id))).toBe(true);
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
  });

  it('give a retake of the assessment new keys, so its answers are reported too', () => {
    const retake = interactionsOf(shape, bank, state({ assessment: { drawn: [...drawn].reverse(), answers: answers(right) } }));
    const keys = new Set(all.map((x) => x.key));
    expect(retake.filter((x) => x.id.startsWith('assessment-') && !keys.has(x.key))).toHaveLength(10);
    expect(retake.filter((x) => x.id.startsWith('scenario-')).every((x) => keys.has(x.key))).toBe(true);
  });

  it('are accepted by a SCORM 1.2 run-time, each with a time', () => {
    const api = new Scorm12API({ logLevel: 5 }) as Scorm12Api & { cmi: object };
    const session = new ScormSession(api);
    session.start();
    const time = clockTime(new Date(2026, 10, 20, 9, 5, 7));
    expect(time).toBe('09:05:07');
    all.forEach((x, n) => interactionValues(n, x, time).forEach(([e, v]) => session.set(e, v)));
    expect(session.errors).toEqual([]);
    // Interactions are write-only to the course; the LMS's own serialisation shows what it stored.
    const stored = Object.values(JSON.parse(JSON.stringify(api.cmi)).interactions) as { time: string; weighting: string; correct_responses: Record<string, { pattern: string }> }[];
    expect(stored).toHaveLength(all.length);
    expect(stored.every((i) => i.time === time && i.weighting !== '' && i.correct_responses['0']!.pattern !== '')).toBe(true);
  });
});
