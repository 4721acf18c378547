/**
 * A small SCORM 1.2 adapter: finds the LMS's API object (walking `window.parent` at most 7 levels,
 * then `window.opener`), and wraps its calls so that every return value and `LMSGetLastError` is
 * checked. Without an LMS the course still works: `available` is false and calls do nothing.
 * Pure: the window and the clock are passed in, so it is unit-tested with a real SCORM runtime.
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

export class ScormSession {
  readonly api: Scorm12Api | null;
  /** Every call that failed, with the LMS's error code and text, for the notice and for tests. */
  readonly errors: string[] = [];
  private readonly now: () => number;
  private started = 0;
  private active = false;

  constructor(api: Scorm12Api | null, now: () => number = Date.now) {
    this.api = api;
    this.now = now;
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

  /** LMSInitialize; returns the stored suspend_data (empty on a first visit, or without an LMS). */
  start(): string {
    this.started = this.now();
    if (!this.api) return '';
    this.active = this.check('LMSInitialize', this.api.LMSInitialize(''), true);
    if (!this.active) return '';
    const entry = this.get('cmi.core.entry');
    const status = this.get('cmi.core.lesson_status');
    if (status === 'not attempted' || status === '') this.set('cmi.core.lesson_status', 'incomplete');
    return entry === 'resume' || entry === '' ? this.get('cmi.suspend_data') : '';
  }

  get(element: string): string {
    if (!this.active) return '';
    const value = this.api!.LMSGetValue(element);
    return this.check(`LMSGetValue(${element})`, 'true', false) ? value : '';
  }

  set(element: string, value: string): boolean {
    if (!this.active) return false;
    return this.check(`LMSSetValue(${element})`, this.api!.LMSSetValue(element, value), true);
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

  commit(): boolean {
    return this.active && this.check('LMSCommit', this.api!.LMSCommit(''), true);
  }

  /** Session time, exit mode (`suspend` while unfinished), commit, LMSFinish. */
  finish(finished: boolean): void {
    if (!this.active) return;
    this.set('cmi.core.session_time', sessionTime(this.now() - this.started));
    this.set('cmi.core.exit', finished ? '' : 'suspend');
    this.commit();
    this.check('LMSFinish', this.api!.LMSFinish(''), true);
    this.active = false;
  }
}
