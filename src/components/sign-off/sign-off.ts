/**
 * The sign-off page's script: reads the progress kept in this browser, shows what is still missing
 * (with the same `eligibility` function the server applies), and puts the progress in the form so
 * the server can re-score it. Without it the form still posts, and the server says what is missing.
 */
import { eligibility, type Requirements } from '../../lib/eligibility.ts';
import { parseProgress, storageKey } from '../../lib/progress.ts';
import { readyWords, showChecklist, type ChecklistNames } from './checklist.ts';

interface PageData {
  pack: string;
  requirements: Requirements;
  linked: boolean;
  /** The record being refreshed, as the server understood it ('' for the induction). */
  previous: string;
  names: ChecklistNames;
  assessment: 'passed' | 'failed' | 'not-taken' | 'used';
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

const dataElement = document.getElementById('sign-off-data');
const form = document.querySelector<HTMLFormElement>('form[data-sign-off]');
if (dataElement && form) {
  const data = JSON.parse(dataElement.textContent ?? '{}') as PageData;
  const attempt = form.elements.namedItem('attempt') as HTMLInputElement;
  const remembered = read(`cc-assessment:${data.pack}`);
  // The refresher this browser is on (from the "Your course" page), for a learner without a personal link.
  let previous = data.previous;
  try {
    const mark = JSON.parse(read(`cc-route:${data.pack}`) ?? 'null');
    if (!data.linked && mark?.kind === 'refresher' && typeof mark.previous === 'string') previous = mark.previous;
  } catch {
    // no route kept: the induction
  }
  const token = attempt.value || (remembered && /^[A-Za-z0-9_-]{22}$/.test(remembered) ? remembered : '');
  if (token !== attempt.value || previous !== data.previous) {
    // A passed attempt or a refresher from earlier in this browser: reload with them, so the server can check them.
    const query = new URLSearchParams({ pack: data.pack, ...(token ? { attempt: token } : {}), ...(previous ? { previous } : {}) });
    location.replace(`/sign-off/?${query}`);
  }
  const raw = read(storageKey(data.pack));
  const progress = parseProgress(raw, data.pack);
  (form.elements.namedItem('progress') as HTMLInputElement).value = JSON.stringify(progress);
  const verdict = eligibility(data.requirements, progress, data.assessment === 'used' ? 'failed' : data.assessment);
  showChecklist(data.requirements, verdict, data.names);
  const message = document.querySelector<HTMLElement>('[data-ready] [data-message]');
  if (message) message.textContent = verdict.eligible ? readyWords.yes : readyWords.no;
}
