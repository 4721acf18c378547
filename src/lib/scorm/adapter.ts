/**
 * A small SCORM 1.2 adapter: finds the LMS's API object (walking `window.parent` at most 7 levels,
 * then `window.opener`), and wraps its calls so that every return value and `LMSGetLastError` is
 * checked. Without an LMS the course still works: `available` is false and calls do nothing.
 * An LMS such as Moodle sends every LMSCommit as a blocking request, so a value the LMS already
 * holds is not sent again, and commits are debounced: only after something changed, at most one
 * per quiet spell. Pure: the window, clock and timers are passed in, so it is unit-tested with a
 * real SCORM runtime.
 */

/** The SCORM 1.2 run-time API (`window.API`). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

export interface WindowLike {
  API?: Scorm12Api | undefined;
  parent?: WindowLike | null | undefined;
  opener?: WindowLike | null | undefined;
}

/** The nearest `API` object: this window, then up to 7 parents, then the opener and its parents. */
export function findApi(start: WindowLike): Scorm12Api | null {
  const search = (from: WindowLike | null | undefined): Scorm12Api | null => {
    let win = from;
    for (let depth = 0; win && depth <= 7; depth++) {
      try {
        if (win.API) return win.API;
        if (!win.parent || win.parent === win) return null;
        win = win.parent;
      } catch {
        return null; // a cross-origin frame: stop looking this way
      }
    }
    return null;
  };
  return search(start) ?? search(start.opener);
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function sessionTime(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(Math.min(h, 9999)).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** The most suspend_data SCORM 1.2 allows. */
export const SUSPEND_LIMIT = 4096;

/** What the LMS says at launch: `ab-initio` (a new attempt), `resume` (after exit=suspend) or ''. */
export interface Launch {
  entry: string;
  /** The stored suspend_data; empty on a new attempt (whatever the LMS holds), or without an LMS. */
  data: string;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}
const realTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/** How long the course must be quiet before a requested commit is sent. */
export const COMMIT_DELAY_MS = 2000;

export class ScormSession {
  readonly api: Scorm12Api | null;
  /** Every call that failed, with the LMS's error code and text, for the notice and for tests. */
  readonly errors: string[] = [];
  private readonly now: () => number;
  private started = 0;
  private active = false;
  /** What the LMS holds, as last read or written: a value is only sent when it differs. */
  private readonly known = new Map<string, string>();
  private dirty = false;
  private timer: unknown = null;
  private readonly timers: Timers;
  /** How many LMSCommit calls were made: for tests, and a check that commits stay few. */
  commits = 0;

  constructor(api: Scorm12Api | null, now: () => number = Date.now, timers: Timers = realTimers) {
    this.api = api;
    this.now = now;
    this.timers = timers;
  }

  get available(): boolean {
    return this.active;
  }

  private check(call: string, result: string, expectTrue: boolean): boolean {
    const api = this.api!;
    const code = api.LMSGetLastError();
    if ((expectTrue && result !== 'true') || (code !== '0' && code !== '')) {
      this.errors.push(`${call}: error ${code || '?'} ${api.LMSGetErrorString(code)}`.trim());
      return false;
    }
    return true;
  }

  /** LMSInitialize; the entry mode and the stored suspend_data (none on a new attempt). */
  start(): Launch {
    this.started = this.now();
    if (!this.api) return { entry: '', data: '' };
    this.active = this.check('LMSInitialize', this.api.LMSInitialize(''), true);
    if (!this.active) return { entry: '', data: '' };
    const entry = this.get('cmi.core.entry');
    const status = this.get('cmi.core.lesson_status');
    if (status === 'not attempted' || status === '') this.set('cmi.core.lesson_status', 'incomplete');
    // A new attempt starts clean even if the LMS (wrongly) hands back an older attempt's data.
    return { entry, data: entry === 'ab-initio' ? '' : this.get('cmi.suspend_data') };
  }

  get(element: string): string {
    if (!this.active) return '';
    const value = this.api!.LMSGetValue(element);
    if (!this.check(`LMSGetValue(${element})`, 'true', false)) return '';
    this.known.set(element, value);
    return value;
  }

  /** LMSSetValue, unless the LMS already holds this value. */
  set(element: string, value: string): boolean {
    if (!this.active) return false;
    if (this.known.get(element) === value) return true;
    if (!this.check(`LMSSetValue(${element})`, this.api!.LMSSetValue(element, value), true)) return false;
    this.known.set(element, value);
    this.dirty = true;
    return true;
  }

  /** Stores resumable progress; refuses (and records why) anything over 4,096 characters. */
  suspend(data: string): boolean {
    if (data.length > SUSPEND_LIMIT) {
      this.errors.push(`suspend_data is ${data.length} characters, over SCORM 1.2's ${SUSPEND_LIMIT}`);
      return false;
    }
    return this.set('cmi.suspend_data', data);
  }

  score(raw: number, min = 0, max = 100): void {
    this.set('cmi.core.score.min', String(min));
    this.set('cmi.core.score.max', String(max));
    this.set('cmi.core.score.raw', String(raw));
  }

  /** LMSCommit now, if anything was set since the last one. */
  commit(): boolean {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    if (!this.active) return false;
    if (!this.dirty) return true;
    this.dirty = false;
    this.commits++;
    return this.check('LMSCommit', this.api!.LMSCommit(''), true);
  }

  /** Commit once the course has been quiet for `delay` ms, if anything changed; each request restarts the wait. */
  commitSoon(delay = COMMIT_DELAY_MS): void {
    if (!this.active || !this.dirty) return;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => this.commit(), delay);
  }

  /** Session time, exit mode (`suspend` while unfinished), LMSFinish (which stores everything, as SCORM 1.2 requires: no extra commit). */
  finish(finished: boolean): void {
    if (!this.active) return;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.set('cmi.core.session_time', sessionTime(this.now() - this.started));
    this.set('cmi.core.exit', finished ? '' : 'suspend');
    this.check('LMSFinish', this.api!.LMSFinish(''), true);
    this.active = false;
  }
}
