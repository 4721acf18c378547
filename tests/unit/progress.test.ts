import { describe, expect, it } from 'vitest';
import {
  emptyProgress, mergeProgress, parseProgress, visitLesson, PROGRESS_VERSION,
} from '../../src/lib/progress.ts';
import { answerCheck, clearCheck, decide, pickReply, restartScenario } from '../../src/lib/progress-changes.ts';
import { fitsScenario, scenarioTally } from '../../src/lib/scoring.ts';

const valid = () => {
  let p = emptyProgress('wyre');
  p = visitLesson(p, 'wyre/modules/01-purpose');
  p = answerCheck(p, 'purpose-why', [1], true);
  p = answerCheck(p, 'purpose-what', [0, 2], false);
  p = decide(p, '01-thanks', { node: 'q-unlawful', answer: 'no', correct: true }, 2, true);
  p = decide(p, '01-thanks', { node: 'q-decision', answer: 'yes', correct: false }, 2, true);
  return pickReply(p, '01-thanks', 0, true);
};

describe('parseProgress', () => {
  it('round-trips valid progress', () => {
    const p = valid();
    expect(parseProgress(JSON.stringify(p), 'wyre')).toEqual(p);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{"v":1,'],
    ['JSON of the wrong kind', '[1,2,3]'],
    ['a number', '42'],
    ['an older schema', JSON.stringify({ ...valid(), v: PROGRESS_VERSION - 1 })],
    ['another pack', JSON.stringify({ ...valid(), pack: 'ashfield' })],
    ['a malformed decision', JSON.stringify({ ...valid(), scenarios: { '01-thanks': { answers: [{ node: 'q-x', answer: 'maybe', correct: true }], done: false } } })],
    ['a hostile key', JSON.stringify({ ...valid(), checks: { '<img src=x onerror=alert(1)>': { selected: [0], correct: true } } })],
    ['an out-of-range option', JSON.stringify({ ...valid(), checks: { q: { selected: [-1], correct: true } } })],
    ['lessons that are not text', JSON.stringify({ ...valid(), lessons: [{}] })],
  ])('discards %s, returning empty progress for the pack', (_label, raw) => {
    expect(parseProgress(raw, 'wyre')).toEqual(emptyProgress('wyre'));
  });
});

describe('progress changes', () => {
  it('records a lesson visit once', () => {
    const p = visitLesson(emptyProgress('wyre'), 'wyre/modules/01-purpose');
    expect(visitLesson(p, 'wyre/modules/01-purpose')).toBe(p);
    expect(p.lessons).toEqual(['wyre/modules/01-purpose']);
  });

  it('marks a scenario done after its last decision when no reply is asked, or after the reply', () => {
    let p = decide(emptyProgress('wyre'), 's', { node: 'q-unlawful', answer: 'yes', correct: true }, 1, false);
    expect(p.scenarios.s!.done).toBe(true);
    p = decide(emptyProgress('wyre'), 's', { node: 'q-unlawful', answer: 'yes', correct: true }, 1, true);
    expect(p.scenarios.s!.done).toBe(false);
    expect(pickReply(p, 's', 1, false).scenarios.s).toMatchObject({ done: true, reply: 1, replyCorrect: false });
  });

  it('clears one question or one scenario', () => {
    const p = valid();
    expect(Object.keys(clearCheck(p, 'purpose-why').checks)).toEqual(['purpose-what']);
    expect(restartScenario(p, '01-thanks').scenarios).toEqual({});
  });
});

describe('scenarioTally', () => {
  it('counts the reply only once it is picked', () => {
    const p = decide(emptyProgress('wyre'), 's', { node: 'q-unlawful', answer: 'no', correct: false }, 2, true);
    expect(scenarioTally(p.scenarios.s!)).toEqual({ correct: 0, asked: 1 });
    expect(scenarioTally(valid().scenarios['01-thanks']!)).toEqual({ correct: 2, asked: 3 });
  });
});

describe('fitsScenario', () => {
  const path = [{ node: 'q-unlawful' }, { node: 'q-decision' }];
  const record = valid().scenarios['01-thanks']!;
  it('accepts a record that follows the path, with a reply that exists', () => {
    expect(fitsScenario(record, path, 2)).toBe(true);
    expect(fitsScenario({ answers: record.answers.slice(0, 1), done: false }, path, 2)).toBe(true);
  });
  it('rejects a record from an edited scenario or with an impossible reply', () => {
    expect(fitsScenario(record, [{ node: 'q-unlawful' }, { node: 'q-confidential' }], 2)).toBe(false);
    expect(fitsScenario(record, path.slice(0, 1), 2)).toBe(false);
    expect(fitsScenario(record, path, 0)).toBe(false);
    expect(fitsScenario({ ...record, answers: record.answers.slice(0, 1) }, path, 2)).toBe(false);
  });
});

describe('mergeProgress (this browser and the member\'s record)', () => {
  const a = (node: string, correct = true) => ({ node, answer: 'no' as const, correct });
  it('keeps lessons from both, answers from this browser first, and the scenario taken further', () => {
    const local = { ...emptyProgress('wyre'), lessons: ['wyre/modules/01-a'], checks: { q1: { selected: [1], correct: false } },
      scenarios: { s1: { answers: [a('q-unlawful')], done: false }, s2: { answers: [a('q-unlawful'), a('q-decision')], done: false } } };
    const server = { ...emptyProgress('wyre'), lessons: ['wyre/modules/02-b', 'wyre/modules/01-a'], checks: { q1: { selected: [0], correct: true }, q2: { selected: [2], correct: true } },
      scenarios: { s1: { answers: [a('q-unlawful'), a('q-decision')], done: false }, s2: { answers: [a('q-unlawful', false)], done: false }, s3: { answers: [a('q-unlawful')], done: true } } };
    const merged = mergeProgress(local, server);
    expect(merged.lessons).toEqual(['wyre/modules/01-a', 'wyre/modules/02-b']);
    expect(merged.checks).toEqual({ q1: { selected: [1], correct: false }, q2: { selected: [2], correct: true } });
    expect(merged.scenarios.s1!.answers).toHaveLength(2);
    expect(merged.scenarios.s2).toEqual(local.scenarios.s2);
    expect(merged.scenarios.s3!.done).toBe(true);
  });

  it('gives a new device everything the record holds', () => {
    const server = { ...emptyProgress('wyre'), lessons: ['wyre/modules/01-a'], checks: { q1: { selected: [0], correct: true } }, scenarios: { s1: { answers: [a('q-unlawful')], done: true } } };
    expect(mergeProgress(emptyProgress('wyre'), server)).toEqual(server);
  });
});
