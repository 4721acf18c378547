/** Sign-off's cross-check for linked members: the progress sent must be what the server recorded (security review row 9). */
import { describe, expect, it } from 'vitest';
import { recordedState, unrecordedSteps, type RecordedStep } from '../../src/lib/progress-backing.ts';
import { eventsOf } from '../../src/lib/server/progress-events.ts';
import { rescore } from '../../src/lib/rescore.ts';
import { eligibility } from '../../src/lib/eligibility.ts';
import { courseFor, perfectProgress } from './support/course.ts';

const course = courseFor('wyre');
const req = course.requirements;
const perfect = perfectProgress(course);
/** What /api/progress records for a learner who did everything. */
const everything: RecordedStep[] = eventsOf(perfect, rescore(course, perfect));
const names = {
  lessons: course.lessons.map((id) => ({ id, data: { title: `Lesson ${id.split('/').at(-1)}` } })),
  scenarios: course.scenarios.map((s) => ({ id: s.id, title: s.title })),
  checks: course.checks,
};
const without = (...drop: ((s: RecordedStep) => boolean)[]) => everything.filter((s) => !drop.some((d) => d(s)));

describe('progress the server recorded', () => {
  it('backs a learner who reported every step: nothing to refuse', () => {
    expect(eligibility(req, recordedState(everything, req), 'passed').eligible).toBe(true);
    expect(unrecordedSteps(req, everything, names)).toBeUndefined();
  });

  it('refuses when nothing was recorded, naming what to open', () => {
    const refusal = unrecordedSteps(req, [], names)!;
    expect(refusal.verdict.missingLessons).toEqual(req.lessons);
    expect(refusal.verdict.missingScenarios).toHaveLength(req.scenarios.length);
    expect(refusal.message).toMatch(/^Your course record does not show that you finished everything yet/);
    expect(refusal.message).toContain(`Open the lesson "${names.lessons[0]!.data.title}", `);
    expect(refusal.message).toMatch(/ and \d+ more listed below and finish them on this device, then sign\.$/);
  });

  it('names the one lesson the server never saw', () => {
    const lesson = req.lessons[3]!;
    const refusal = unrecordedSteps(req, without((s) => s.kind === 'lesson' && s.item === lesson), names)!;
    expect(refusal.verdict.missingLessons).toEqual([lesson]);
    expect(refusal.message).toContain(`Open the lesson "Lesson ${lesson.split('/').at(-1)}" and finish it on this device, then sign.`);
  });

  it('names a knowledge check by its lesson, and a scenario with a decision or its reply missing', () => {
    const question = req.questions[0]!;
    const lesson = Object.entries(course.checks).find(([, qs]) => qs.some((q) => q.id === question))![0];
    const first = req.scenarios[0];
    const refusal = unrecordedSteps(req, without(
      (s) => s.kind === 'check' && s.item === question,
      // A decision in the middle of the path: the ones after it do not make the scenario complete.
      (s) => s.item === `${first!.id}#${first!.path[1]}`,
    ), names)!;
    expect(refusal.verdict.missingQuestions).toEqual([question]);
    expect(refusal.verdict.missingScenarios).toEqual([first!.id]);
    expect(refusal.message).toContain(`Open the knowledge check in "Lesson ${lesson.split('/').at(-1)}" and the scenario "${first!.title}" and finish them`);

    const withReply = req.scenarios.find((s) => s.replies)!;
    expect(unrecordedSteps(req, without((s) => s.item === `${withReply.id}#reply`), names)!.verdict.missingScenarios).toEqual([withReply.id]);
  });

  it('ignores recorded steps the route does not ask for', () => {
    expect(unrecordedSteps(req, [...everything, { kind: 'lesson', item: 'wyre/modules/99-gone' }, { kind: 'flowchart', item: 'nope#q-x' }], names)).toBeUndefined();
  });
});
