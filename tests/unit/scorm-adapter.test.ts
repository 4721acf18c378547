/** The SCORM 1.2 adapter against scorm-again's Scorm12API, a real SCORM run-time, and without one. */
import { describe, expect, it } from 'vitest';
import * as scorm12 from 'scorm-again/scorm12';
import { findApi, ScormSession, sessionTime, SUSPEND_LIMIT, type Scorm12Api, type WindowLike } from '../../src/lib/scorm/adapter.ts';

// The package's types declare a default export; its ES module exports the class by name.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: new (settings: object) => unknown };
const lms = () => new Scorm12API({ logLevel: 5 }) as unknown as Scorm12Api & { cmi: { core: { lesson_status: string; score: { raw: string } }; suspend_data: string } };

describe('finding the LMS API', () => {
  it('finds it on this window, a parent up to 7 levels up, or the opener', () => {
    const api = lms();
    const top: WindowLike = { API: api };
    let win: WindowLike = top;
    for (let i = 0; i < 7; i++) win = { parent: win };
    expect(findApi(win)).toBe(api);
    const tooDeep: WindowLike = { parent: win };
    expect(findApi(tooDeep)).toBeNull();
    expect(findApi({ parent: null, opener: { parent: { API: api } } })).toBe(api);
    expect(findApi({})).toBeNull();
  });

  it('stops at a cross-origin parent instead of throwing', () => {
    const hostile = { get API(): never { throw new Error('SecurityError'); } } as WindowLike;
    expect(findApi({ parent: hostile })).toBeNull();
  });
});

describe('a session with a SCORM 1.2 run-time', () => {
  it('initialises, marks the lesson incomplete, stores score and suspend data, and finishes', () => {
    const api = lms();
    let t = 1_000;
    const session = new ScormSession(api, () => t);
    expect(session.start()).toEqual({ entry: '', data: '' });
    expect(session.available).toBe(true);
    expect(api.cmi.core.lesson_status).toBe('incomplete');
    expect(session.suspend('L:ffff|C:abc')).toBe(true);
    session.score(90);
    expect(session.set('cmi.core.lesson_status', 'passed')).toBe(true);
    expect(session.commit()).toBe(true);
    t += 3_723_450;
    session.finish(true);
    expect(api.cmi.core.score.raw).toBe('90');
    expect(api.cmi.core.lesson_status).toBe('passed');
    expect(api.cmi.suspend_data).toBe('L:ffff|C:abc');
    expect(session.errors).toEqual([]);
    expect(session.available).toBe(false);
  });

  it('records what the LMS refuses, with its error code', () => {
    const session = new ScormSession(lms());
    session.start();
    expect(session.set('cmi.core.lesson_status', 'brilliant')).toBe(false);
    expect(session.set('cmi.not.an.element', 'x')).toBe(false);
    expect(session.errors.length).toBe(2);
    expect(session.errors[0]).toMatch(/LMSSetValue\(cmi.core.lesson_status\): error \d+/);
  });

  it('never stores more than 4,096 characters of suspend data', () => {
    const session = new ScormSession(lms());
    session.start();
    expect(session.suspend('x'.repeat(SUSPEND_LIMIT + 1))).toBe(false);
    expect(session.errors[0]).toMatch(/over SCORM 1.2's 4096/);
    expect(session.suspend('x'.repeat(SUSPEND_LIMIT))).toBe(true);
  });
});

describe('launching', () => {
  const stored = (entry: string) => {
    const api = lms() as ReturnType<typeof lms> & { loadFromJSON(json: object): void };
    api.loadFromJSON({ core: { entry, lesson_status: 'incomplete' }, suspend_data: 'v2|f|||||' });
    return api;
  };

  it('hands back suspend_data on a resume', () => {
    expect(new ScormSession(stored('resume')).start()).toEqual({ entry: 'resume', data: 'v2|f|||||' });
  });

  it('hands back nothing on a new attempt (ab-initio), whatever the LMS holds', () => {
    expect(new ScormSession(stored('ab-initio')).start()).toEqual({ entry: 'ab-initio', data: '' });
  });
});

describe('commits', () => {
  /** Timers the test runs by hand. */
  function manualTimers() {
    const pending = new Map<number, () => void>();
    let id = 0;
    return {
      pending,
      set: (fn: () => void) => (pending.set(++id, fn), id),
      clear: (h: unknown) => void pending.delete(h as number),
      run: () => [...pending.entries()].forEach(([k, fn]) => (pending.delete(k), fn())),
    };
  }

  it('are debounced: many changes, one LMSCommit once the course is quiet', () => {
    const api = lms();
    let calls = 0;
    const commit = api.LMSCommit.bind(api);
    api.LMSCommit = (arg) => (calls++, commit(arg));
    const timers = manualTimers();
    const session = new ScormSession(api, Date.now, timers);
    session.start();
    for (let i = 0; i < 20; i++) {
      session.suspend(`state ${i}`);
      session.commitSoon();
    }
    expect(timers.pending.size).toBe(1);
    expect(calls).toBe(0);
    timers.run();
    expect(calls).toBe(1);
    expect(api.cmi.suspend_data).toBe('state 19');
  });

  it('send nothing when nothing changed: a value the LMS already holds is not set or committed again', () => {
    const api = lms();
    let sets = 0;
    const setValue = api.LMSSetValue.bind(api);
    api.LMSSetValue = (e, v) => (sets++, setValue(e, v));
    const timers = manualTimers();
    const session = new ScormSession(api, Date.now, timers);
    session.start();
    session.suspend('same');
    session.commit();
    const before = sets;
    session.suspend('same');
    session.set('cmi.core.lesson_status', 'incomplete');
    session.commitSoon();
    expect(sets).toBe(before);
    expect(timers.pending.size).toBe(0);
    expect(session.commits).toBe(1);
  });

  it('LMSFinish ends the session without a separate commit (it stores everything itself)', () => {
    const timers = manualTimers();
    const session = new ScormSession(lms(), Date.now, timers);
    session.start();
    session.suspend('x');
    session.commitSoon();
    session.finish(false);
    expect(timers.pending.size).toBe(0);
    expect(session.commits).toBe(0);
  });
});

describe('without an LMS', () => {
  it('does nothing, and says it is not available', () => {
    const session = new ScormSession(null);
    expect(session.start()).toEqual({ entry: '', data: '' });
    expect(session.available).toBe(false);
    expect(session.set('cmi.core.lesson_status', 'passed')).toBe(false);
    session.finish(true);
    expect(session.errors).toEqual([]);
  });
});

describe('session time', () => {
  it('is written as HHHH:MM:SS.SS', () => {
    expect(sessionTime(0)).toBe('0000:00:00.00');
    expect(sessionTime(3_723_450)).toBe('0001:02:03.45');
    expect(sessionTime(-5)).toBe('0000:00:00.00');
  });
});
