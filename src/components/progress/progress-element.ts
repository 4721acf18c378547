/**
 * <cc-progress>: the course progress box on every course page. Plain DOM, no framework, so pages
 * without a quiz stay small. It works out the learner's route (induction, or the refresher the
 * server chose for them), counts what is done on it from the progress the quiz islands keep,
 * records a lesson as read when its end is reached, shows the time left and the next step, and,
 * for a personal course link, restores progress from the member's record and reports it back.
 */
import { CHANGE_EVENT, emptyProgress, mergeProgress, parseProgress, readProgress, storageKey, visitLesson, type ChangeDetail, type Progress } from '../../lib/progress.ts';
import { scenarioTally } from '../../lib/scoring.ts';
import { minutesLeft, nextStep, refresherRoute, type Route, type RouteKind } from '../../lib/route.ts';

/** Which route this browser's learner is on, as the server last said (personal link or record ID). */
interface RouteMark {
  kind: RouteKind;
  previous: string | null;
  lessons: string[];
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: show an empty record rather than fail
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // storage blocked or full: progress simply is not kept on this device
  }
}

function readMark(raw: string | null | undefined): RouteMark | undefined {
  try {
    const m = JSON.parse(raw ?? 'null');
    return m && (m.kind === 'induction' || m.kind === 'refresher') && (m.previous === null || typeof m.previous === 'string') &&
      Array.isArray(m.lessons) && m.lessons.every((l: unknown) => typeof l === 'string') ? m : undefined;
  } catch {
    return undefined;
  }
}

const sameMark = (a: RouteMark | undefined, b: RouteMark | undefined) => (a?.previous ?? null) === (b?.previous ?? null) && (a?.kind ?? 'induction') === (b?.kind ?? 'induction');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

class CourseProgress extends HTMLElement {
  connectedCallback(): void {
    const { pack = '', lesson } = this.dataset;
    const key = storageKey(pack);
    const markKey = `cc-route:${pack}`;
    const routes = JSON.parse(this.querySelector('[data-routes]')?.textContent ?? '{}') as Record<RouteKind, Route>;
    const linked = document.cookie.split('; ').includes(`cc_member_pack=${pack}`);
    const announce = () => dispatchEvent(new CustomEvent<ChangeDetail>(CHANGE_EVENT, { detail: { pack, source: 'element' } }));
    const set = (name: string, text: string) => {
      const el = this.querySelector(`[data-field="${name}"]`);
      if (el) el.textContent = text;
    };
    const progress = (): Progress => parseProgress(read(key), pack);
    const save = (p: Progress) => {
      write(key, JSON.stringify(p));
      announce();
    };

    /** A new route (a refresher against a newer record, or back to induction): start it afresh. */
    const adopt = (mark: RouteMark) => {
      if (!sameMark(readMark(read(markKey)), mark)) {
        write(key, null);
        write(`cc-assessment:${pack}`, null);
      }
      write(markKey, JSON.stringify(mark));
    };
    const routeSet = readMark(this.dataset.routeSet);
    if (routeSet) adopt(routeSet);

    const route = (): Route => {
      const mark = readMark(read(markKey));
      return mark?.kind === 'refresher' ? refresherRoute(routes.refresher, routes.induction, mark.lessons) : routes.induction;
    };

    // Through a personal course link: progress is reported to the member's record (the server
    // re-scores it) once this browser has caught up with what the record holds.
    let synced = false;
    let timer = 0;
    const report = () => {
      if (!linked || !synced) return;
      clearTimeout(timer);
      const basis = readMark(read(markKey))?.previous ?? '';
      timer = setTimeout(() => fetch(`/api/progress?basis=${encodeURIComponent(basis)}`, {
        method: 'POST', keepalive: true, headers: { 'content-type': 'application/json' }, body: JSON.stringify(progress()),
      }).catch(() => {}), 500) as unknown as number;
    };
    addEventListener(CHANGE_EVENT, report);

    const render = () => {
      const r = route();
      const p = progress();
      const done = new Set(Object.entries(p.scenarios).filter(([, s]) => s.done).map(([id]) => id));
      const state = { lessons: p.lessons, checks: p.checks, scenariosDone: done, assessmentPassed: !!read(`cc-assessment:${pack}`) };
      const left = minutesLeft(r, state);
      set('route', r.kind === 'refresher' ? 'refresher' : 'induction');
      set('left', left === 0 ? 'none: you can sign' : `about ${plural(left, 'minute')}`);
      set('lessons', `${r.lessons.filter((l) => p.lessons.includes(l.id)).length} of ${r.lessons.length}`);
      set('questions', `${r.questions.filter((q) => q in p.checks).length} of ${r.questions.length}`);
      set('scenarios', `${r.scenarios.filter((s) => done.has(s.id)).length} of ${r.scenarios.length}`);
      set('assessment', state.assessmentPassed ? 'passed' : 'not passed yet');
      const step = nextStep(r, state);
      const next = this.querySelector<HTMLAnchorElement>('[data-field="next"]');
      const place = (key: string) => this.querySelector('template')?.content.querySelector<HTMLAnchorElement>(`[data-key="${key}"]`)?.getAttribute('href');
      if (next) {
        const target = step.kind === 'assessment' ? { key: 'assessment', title: 'the final assessment' }
          : step.kind === 'sign-off' ? { key: 'sign-off', title: 'sign the declaration' }
          : { key: step.id, title: step.kind === 'question' ? `the knowledge check in "${step.title}"` : step.title };
        next.setAttribute('href', `${place(target.key) ?? next.getAttribute('href')}${step.kind === 'question' ? '#check' : ''}`);
        next.textContent = target.title;
      }
      document.querySelectorAll<HTMLElement>('[data-scenario-status]').forEach((el) => {
        const record = p.scenarios[el.dataset.scenarioStatus ?? ''];
        const tally = record && scenarioTally(record);
        el.textContent = !record ? 'Not started' : record.done ? `Done: ${tally!.correct} of ${tally!.asked} right` : 'In progress';
      });
    };

    // A lesson counts as read when its end is reached (or, in the knowledge check, its question answered).
    const end = lesson ? document.querySelector('[data-lesson-end]') : null;
    if (lesson && end) {
      const observer = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        const before = progress();
        const after = visitLesson(before, lesson);
        if (after !== before) save(after);
      });
      observer.observe(end);
    }
    this.querySelector('[data-progress-reset]')?.addEventListener('click', () => {
      const message = linked
        ? 'Clear your progress in this course? This clears it on this device and in your record.'
        : 'Clear your progress in this course on this device? This cannot be undone.';
      if (!confirm(message)) return;
      save(emptyProgress(pack));
      render();
    });
    addEventListener(CHANGE_EVENT, render);
    addEventListener('storage', render);
    render();

    if (linked) {
      fetch('/api/progress', { headers: { accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : undefined))
        .then((held: { route: RouteMark; progress: unknown } | undefined) => {
          const mark = readMark(JSON.stringify(held?.route));
          if (!held || !mark) return;
          adopt(mark);
          const theirs = readProgress(JSON.stringify(held.progress), pack) ?? emptyProgress(pack);
          const merged = mergeProgress(progress(), theirs);
          synced = true;
          if (JSON.stringify(merged) !== read(key)) save(merged);
          else report();
          render();
        })
        .catch(() => {});
    }
  }
}

customElements.define('cc-progress', CourseProgress);
