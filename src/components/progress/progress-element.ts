/**
 * <cc-progress>: the course progress box on every course page. Plain DOM, no framework, so pages
 * without a quiz stay small. It works out the learner's route (induction, or the refresher the
 * server chose for them), counts what is done on it from the progress the quiz islands keep,
 * records a lesson as read when its end is reached, shows the time left and the next step, and,
 * for a personal course link, restores progress from the member's record and reports it back.
 */
import { emptyProgress, visitLesson, type Progress } from '../../lib/progress.ts';
import { minutesLeft, nextStep, refresherSteps, type RouteStep } from '../../lib/route.ts';
import { updateProgress, watchProgress } from '../../stores/progress.ts';
import { scenarioTally } from '../../lib/scoring.ts';
import { markKey, read, readMark } from './storage.ts';
import { sync } from './progress-sync.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

class CourseProgress extends HTMLElement {
  connectedCallback(): void {
    const { pack = '', lesson } = this.dataset;
    const steps = JSON.parse(this.querySelector('[data-routes]')?.textContent ?? '{}') as { i: RouteStep[]; r: RouteStep[] };
    const linked = document.cookie.split('; ').includes(`cc_member_pack=${pack}`);
    const set = (name: string, text: string) => {
      const el = this.querySelector(`[data-field="${name}"]`);
      if (el) el.textContent = text;
    };
    let p: Progress = emptyProgress(pack);

    const render = () => {
      const mark = readMark(read(markKey(pack)));
      const route = mark?.kind === 'refresher' ? refresherSteps(steps.i, steps.r, mark.lessons) : steps.i;
      const done = new Set(Object.entries(p.scenarios).filter(([, s]) => s.done).map(([id]) => id));
      const state = { lessons: p.lessons, checks: p.checks, scenariosDone: done, assessmentPassed: !!read(`cc-assessment:${pack}`) };
      const left = minutesLeft(route, state);
      const count = (kind: RouteStep['kind'], isDone: (st: RouteStep) => boolean) => {
        const all = route.filter((st) => st.kind === kind);
        return `${all.filter(isDone).length} of ${all.length}`;
      };
      set('route', mark?.kind === 'refresher' ? 'refresher' : 'induction');
      set('left', left === 0 ? 'nothing left but to sign' : `about ${plural(left, 'minute')} left`);
      set('lessons', count('lesson', (st) => p.lessons.includes(st.id)));
      set('questions', count('question', (st) => st.q! in p.checks));
      set('scenarios', count('scenario', (st) => done.has(st.id)));
      set('assessment', state.assessmentPassed ? 'passed' : 'not passed yet');
      // Where the next step is: a real link in the page's template (a SCORM package rewrites those).
      const step = nextStep(route, state);
      const place = this.querySelector('template')?.content.querySelector(`[data-key="${step ? step.id : 'sign-off'}"]`);
      const next = this.querySelector('[data-field="next"]');
      if (place && next) {
        next.setAttribute('href', `${place.getAttribute('href')}${step?.kind === 'question' ? '#check' : ''}`);
        next.textContent = step?.kind === 'question' ? `the knowledge check in "${place.textContent}"` : place.textContent;
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
        updateProgress(pack, (before) => visitLesson(before, lesson));
      });
      observer.observe(end);
    }
    this.querySelector('[data-progress-reset]')?.addEventListener('click', () => {
      if (!confirm(`Clear your progress in this course${linked ? ', here and in your record' : ' on this device'}? This cannot be undone.`)) return;
      updateProgress(pack, () => emptyProgress(pack));
    });
    // The shared progress store calls back now and on every change, from any island, tab or sync.
    watchProgress(pack, (now) => {
      p = now;
      render();
    });

    // A route to adopt ("Your course"), or a personal link: restore from the record and report back.
    const routeSet = this.dataset.routeSet;
    if (routeSet || linked) void sync(pack, readMark(routeSet), linked);
  }
}

customElements.define('cc-progress', CourseProgress);
