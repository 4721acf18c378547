/** suspend_data: a whole course's state round-trips, and a learner who has done everything fits in 4,096 characters. */
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, type CourseShape, type ScormState } from '../../src/lib/scorm/suspend.ts';
import { SUSPEND_LIMIT } from '../../src/lib/scorm/adapter.ts';
import { loadAssessment, loadChecks } from '../../src/lib/load.ts';
import { courseFor, perfectProgress } from './support/course.ts';
import { packIds, SHIPPED_PACKS } from '../support/packs.ts';
import { root } from './support/content.ts';

function shapeOf(pack: string) {
  const course = courseFor(pack);
  const shape: CourseShape = {
    pack,
    lessons: course.lessons,
    questions: loadChecks(root, pack).flatMap((c) => c.questions.map((q) => ({ id: q.id, correct: q.options.map((o) => o.correct) }))),
    scenarios: course.scenarios.map((s) => ({ id: s.id, path: s.path, replies: s.replies ?? [] })),
    assessment: loadAssessment(root, course.pack, course.graph),
  };
  return { course, shape };
}

/** Everything done: every lesson, every check answered (some wrong), every scenario, the assessment answered. */
function everything(pack: string): { shape: CourseShape; state: ScormState } {
  const { course, shape } = shapeOf(pack);
  const progress = perfectProgress(course);
  shape.questions.forEach((q, i) => {
    const selected = i % 3 === 0 ? [q.correct.findIndex((c) => !c)] : q.correct.flatMap((c, n) => (c ? [n] : []));
    progress.checks[q.id] = { selected, correct: i % 3 !== 0 };
  });
  const drawn = shape.assessment.slice(0, 10).map((q) => q.id);
  return { shape, state: { progress, assessment: { drawn, answers: Object.fromEntries(drawn.map((id, i) => [id, [i % 4]])) } } };
}

describe.each(packIds())('%s suspend_data', (pack) => {
  it('round-trips a learner who has done everything, within 4,096 characters', () => {
    const { shape, state } = everything(pack);
    const data = encodeState(shape, state);
    expect(data.length).toBeLessThan(SUSPEND_LIMIT);
    // The shipped packs leave room to grow; a larger pack need only fit the limit.
    if ((SHIPPED_PACKS as readonly string[]).includes(pack)) expect(data.length).toBeLessThan(600);
    expect(decodeState(shape, data)).toEqual(state);
  });

  it('round-trips a learner part-way through, and a fresh start', () => {
    const { shape, state } = everything(pack);
    const first = shape.scenarios[0]!.id;
    const part: ScormState = {
      progress: { ...state.progress, lessons: state.progress.lessons.slice(0, 3), checks: {}, scenarios: { [first]: { answers: state.progress.scenarios[first]!.answers.slice(0, 1), done: false } } },
      assessment: { drawn: state.assessment!.drawn, answers: null },
    };
    expect(decodeState(shape, encodeState(shape, part))).toEqual(part);
    const fresh: ScormState = { progress: { v: 1, pack, lessons: [], checks: {}, scenarios: {} }, assessment: null };
    expect(decodeState(shape, encodeState(shape, fresh))).toEqual(fresh);
  });

  it('gives an empty state for anything that does not decode', () => {
    const { shape } = everything(pack);
    for (const bad of ['', 'garbage', 'v0|f|||', 'v1|ff|..|,|', 'v1|ffff|' + '.'.repeat(shape.questions.length) + '|' + 'Q'.repeat(3) + '|', `v1|f|${'.'.repeat(shape.questions.length)}|${','.repeat(shape.scenarios.length - 1)}|zz`]) {
      const state = decodeState(shape, bad);
      expect(state.progress.lessons, bad).toEqual([]);
      expect(state.assessment).toBeNull();
    }
  });
});

describe('the declaration in suspend_data', () => {
  const { shape, state } = everything('wyre');
  const declaration = { name: 'Siân Ŵyn Llŷr, | a,b', role: 'co-opted member' as const, wardOrCommittee: 'Planning | Licensing, Committee', at: '2026-11-20T10:00:05.000Z' };

  it('round-trips who signed, when, and as what, whatever characters the names hold', () => {
    const signed = { ...state, declaration };
    const data = encodeState(shape, signed);
    expect(data.length).toBeLessThan(SUSPEND_LIMIT);
    expect(decodeState(shape, data)).toEqual(signed);
  });

  it('still decodes suspend_data written before it was kept (v1), with no declaration', () => {
    const v1 = encodeState(shape, state).replace(/^v2\|/, 'v1|').replace(/\|$/, '');
    expect(decodeState(shape, v1)).toEqual(state);
  });

  it('gives an empty state for a damaged declaration', () => {
    const data = encodeState(shape, state);
    for (const bad of ['zz', 'abc,x,name,ward', 'abc,c,,ward', 'abc,c,%E0%A4%A,ward']) expect(decodeState(shape, data + bad).progress.lessons).toEqual([]);
  });
});

describe('suspend_data re-scores a picked reply from the quiz data', () => {
  it('marks a reply wrong when it breaks a policy rule, even if it breaks no check', () => {
    const { shape, state } = everything('wyre');
    const s = shape.scenarios.find((x) => x.replies.length > 0)!;
    const ruleOnly: CourseShape = { ...shape, scenarios: shape.scenarios.map((x) => x === s ? { ...x, replies: [{ breaks: [], rules: [] }, { breaks: [], rules: ['W-4.4'] }] } : x) };
    const picked = (reply: number): ScormState => ({ ...state, progress: { ...state.progress, scenarios: { ...state.progress.scenarios, [s.id]: { ...state.progress.scenarios[s.id]!, reply } } } });
    expect(decodeState(ruleOnly, encodeState(ruleOnly, picked(1))).progress.scenarios[s.id]!.replyCorrect).toBe(false);
    expect(decodeState(ruleOnly, encodeState(ruleOnly, picked(0))).progress.scenarios[s.id]!.replyCorrect).toBe(true);
  });
});
