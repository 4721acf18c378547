/**
 * The final assessment in a SCORM package, where there is no server: questions are drawn, shown and
 * marked in the browser (the answer key is in the package, the usual SCORM trade-off). The page
 * holds the server's own question, result and revisit components for the whole bank, in templates;
 * this shows the drawn ones. The SCORM shell reports the score to the LMS when the answers are stored.
 */
import { drawQuestions, lessonsToRevisit, readAnswers, scoreAssessment, type RevisitLesson } from '../../lib/assessment.ts';
import type { AssessmentQuestion } from '../../schemas/assessment.ts';
import { assessmentKey, readJson, writeJson, type StoredAssessment } from './keys.ts';

const { pack, bank, count, passMark, lessons } = JSON.parse(document.getElementById('assessment-data')!.textContent!) as
  { pack: string; bank: AssessmentQuestion[]; count: number; passMark: number; lessons: RevisitLesson[] };
const byId = new Map(bank.map((q) => [q.id, q]));
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('assessment-form');
const results = $('assessment-results');
const title = $('assessment-title');
const errors = $('assessment-errors');
const template = (id: string) => $<HTMLTemplateElement>(id).content;

const randomInt = (k: number) => crypto.getRandomValues(new Uint32Array(1))[0]! % k;

function draw(): StoredAssessment {
  const state = { drawn: drawQuestions(bank, count, randomInt), answers: null };
  writeJson(assessmentKey(pack), state);
  return state;
}

let current: StoredAssessment;

function showForm(state: StoredAssessment): void {
  current = state;
  const questions = state.drawn.map((id, n) => {
    const node = template('assessment-questions').getElementById(`q-${id}`)!.cloneNode(true) as HTMLElement;
    node.querySelector('.cc-question__number')!.textContent = `Question ${n + 1} of ${state.drawn.length}`;
    return node;
  });
  form.querySelector('[data-questions]')!.replaceChildren(...questions);
  title.textContent = 'Final assessment';
  errors.hidden = true;
  results.hidden = true;
  form.hidden = false;
  $('assessment-intro').hidden = false;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const drawn = current.drawn.map((id) => byId.get(id)!);
  const data = new FormData(form);
  const read = readAnswers(drawn, (name) => data.getAll(name).map(String));
  if (!read.ok) {
    errors.querySelector('ul')!.replaceChildren(...read.unanswered.map((id) => {
      const link = Object.assign(document.createElement('a'), { href: `#q-${id}-0`, textContent: `Answer question ${current.drawn.indexOf(id) + 1}` });
      const item = document.createElement('li');
      item.append(link);
      return item;
    }));
    errors.hidden = false;
    errors.focus();
    return;
  }
  const done = { drawn: current.drawn, answers: read.answers };
  writeJson(assessmentKey(pack), done);
  showResults(done);
});

results.querySelector('[data-retry]')!.addEventListener('click', () => showForm(draw()));

function showResults(state: StoredAssessment): void {
  const drawn = state.drawn.map((id) => byId.get(id)!);
  const score = scoreAssessment(drawn, state.answers!, passMark);
  title.textContent = score.passed ? 'You passed the final assessment' : 'You did not pass this time';
  const lead = results.querySelector<HTMLElement>('[data-score]')!;
  lead.dataset.score = String(score.percent);
  lead.textContent = `You answered ${score.correct} of ${score.total} questions correctly (${score.percent}%). The pass mark is ${passMark}%.`;
  results.querySelector<HTMLElement>('[data-passed]')!.hidden = !score.passed;
  results.querySelector<HTMLElement>('[data-retry]')!.hidden = score.passed;
  const items = score.answers.map((a, n) => {
    const kind = a.correct ? 'right' : 'wrong';
    const item = template('assessment-marked').querySelector(`li[data-question="${CSS.escape(a.question)}"].cc-results--${kind}`)!.cloneNode(true) as HTMLElement;
    item.querySelector('.cc-question__number')!.textContent = `Question ${n + 1}: ${a.correct ? 'correct' : 'wrong'}`;
    const q = byId.get(a.question)!;
    const answer = item.querySelector('p')!;
    answer.replaceChildren(answer.querySelector('strong')!, ` ${a.selected.map((i) => q.options[i]?.text ?? '').filter(Boolean).join('; ') || 'none'}`);
    return item;
  });
  results.querySelector('ol.cc-results')!.replaceChildren(...items);
  // The lessons teaching what was answered wrongly, as the server lists them (course order).
  const revisit = new Set(lessonsToRevisit(drawn, score.answers, lessons).map((l) => l.id));
  const slot = results.querySelector('[data-revisit-slot]')!;
  slot.replaceChildren();
  if (revisit.size > 0) {
    const fragment = template('assessment-revisit').cloneNode(true) as DocumentFragment;
    [...fragment.querySelectorAll('[data-revisit] > li')].forEach((li, i) => {
      if (!revisit.has(lessons[i]!.id)) li.remove();
    });
    slot.append(fragment);
  }
  form.hidden = true;
  $('assessment-intro').hidden = true;
  results.hidden = false;
  title.focus();
}

$('assessment-nojs').hidden = true;
const stored = readJson<StoredAssessment>(assessmentKey(pack));
const valid = stored && Array.isArray(stored.drawn) && stored.drawn.every((id) => byId.has(id)) ? stored : null;
if (valid?.answers) showResults(valid);
else showForm(valid ?? draw());
