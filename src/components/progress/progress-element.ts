/**
 * <cc-progress>: the course progress indicator on every course page. Plain DOM, no framework, so
 * pages without a quiz stay within 3 KB of JavaScript. Reads the same stored progress the quiz
 * islands write, records a lesson visit, fills in scenario statuses, and offers "start again".
 */
import { CHANGE_EVENT, parseProgress, progressLines, storageKey, summarise, visitLesson, type ChangeDetail } from '../../lib/progress.ts';
import { scenarioTally } from '../../lib/scoring.ts';

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

class CourseProgress extends HTMLElement {
  connectedCallback(): void {
    const { pack = '', lesson } = this.dataset;
    const key = storageKey(pack);
    const announce = () => dispatchEvent(new CustomEvent<ChangeDetail>(CHANGE_EVENT, { detail: { pack, source: 'element' } }));
    const set = (name: string, text: string) => {
      const el = this.querySelector(`[data-field="${name}"]`);
      if (el) el.textContent = text;
    };

    // Opened through a personal course link: report progress to the server, so the Monitoring
    // Officer's dashboard can show it (the server re-scores; it trusts no flag in it).
    let timer = 0;
    const report = () => {
      if (!document.cookie.split('; ').includes(`cc_member_pack=${pack}`)) return;
      clearTimeout(timer);
      timer = setTimeout(() => fetch('/api/progress', { method: 'POST', keepalive: true, headers: { 'content-type': 'application/json' }, body: read(key) ?? '' }).catch(() => {}), 500) as unknown as number;
    };
    addEventListener(CHANGE_EVENT, report);

    const render = () => {
      const progress = parseProgress(read(key), pack);
      const d = this.dataset;
      const lines = progressLines(summarise(progress), { lessons: Number(d.lessons), questions: Number(d.questions), scenarios: Number(d.scenarios) });
      for (const [name, text] of Object.entries(lines)) set(name, text);
      document.querySelectorAll<HTMLElement>('[data-scenario-status]').forEach((el) => {
        const record = progress.scenarios[el.dataset.scenarioStatus ?? ''];
        const tally = record && scenarioTally(record);
        el.textContent = !record ? 'Not started' : record.done ? `Done: ${tally!.correct} of ${tally!.asked} right` : 'In progress';
      });
    };

    if (lesson) {
      const before = parseProgress(read(key), pack);
      const after = visitLesson(before, lesson);
      if (after !== before) {
        write(key, JSON.stringify(after));
        announce();
      }
    }
    this.querySelector('[data-progress-reset]')?.addEventListener('click', () => {
      if (!confirm('Clear your progress in this course on this device? This cannot be undone.')) return;
      write(key, null);
      announce();
      render();
    });
    addEventListener(CHANGE_EVENT, render);
    addEventListener('storage', render);
    render();
    report();
  }
}

customElements.define('cc-progress', CourseProgress);
