/**
 * The final assessment in a SCORM package, where there is no server: questions are drawn, shown and
 * marked in the browser (the answer key is in the package, the usual SCORM trade-off). The SCORM
 * shell reports the score to the LMS when the answers are stored.
 */
import { drawQuestions, readAnswers, scoreAssessment, fieldName } from '../../lib/assessment.ts';
import type { AssessmentQuestion } from '../../schemas/assessment.ts';
import { assessmentKey, readJson, writeJson, type StoredAssessment } from './keys.ts';

const root = document.getElementById('scorm-assessment')!;
const { pack, bank, count, passMark, declaration } = JSON.parse(document.getElementById('assessment-data')!.textContent!) as
  { pack: string; bank: AssessmentQuestion[]; count: number; passMark: number; declaration: string };
const byId = new Map(bank.map((q) => [q.id, q]));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const randomInt = (k: number) => crypto.getRandomValues(new Uint32Array(1))[0]! % k;

function draw(): StoredAssessment {
  const state = { drawn: drawQuestions(bank, count, randomInt), answers: null };
  writeJson(assessmentKey(pack), state);
  return state;
}

function showForm(state: StoredAssessment, problems: string[] = []): void {
  const drawn = state.drawn.map((id) => byId.get(id)!);
  const form = el('form', { novalidate: '' });
  if (problems.length) {
    form.append(el('div', { class: 'cc-error-summary', role: 'alert', tabindex: '-1' }, el('h2', { class: 'cc-error-summary__title' }, 'There is a problem'), el('ul', {}, ...problems.map((p) => el('li', {}, p)))));
  }
  form.append(el('p', {}, `Answer all ${drawn.length} questions, then send your answers to be marked.`));
  drawn.forEach((q, n) => {
    const fieldset = el('fieldset', {}, el('legend', {}, el('span', { class: 'cc-question__number' }, `Question ${n + 1} of ${drawn.length}`), q.prompt));
    if (q.type === 'multiple') fieldset.append(el('p', { class: 'cc-hint' }, 'Select all that apply.'));
    q.options.forEach((o, i) => {
      const id = `q-${q.id}-${i}`;
      fieldset.append(el('div', { class: 'cc-choice' }, el('input', { type: q.type === 'multiple' ? 'checkbox' : 'radio', id, name: fieldName(q.id), value: String(i) }), el('label', { for: id }, o.text)));
    });
    form.append(el('div', { class: 'cc-question', id: `q-${q.id}` }, fieldset));
  });
  form.append(el('button', { type: 'submit', class: 'cc-button' }, 'Send my answers'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const read = readAnswers(drawn, (name) => data.getAll(name).map(String));
    if (!read.ok) {
      showForm(state, read.unanswered.map((id) => `Answer question ${state.drawn.indexOf(id) + 1}`));
      (root.querySelector('.cc-error-summary') as HTMLElement).focus();
      return;
    }
    const done = { drawn: state.drawn, answers: read.answers };
    writeJson(assessmentKey(pack), done);
    showResults(done);
  });
  root.replaceChildren(form);
}

function showResults(state: StoredAssessment): void {
  const drawn = state.drawn.map((id) => byId.get(id)!);
  const score = scoreAssessment(drawn, state.answers!, passMark);
  const heading = el('h2', { tabindex: '-1' }, score.passed ? 'You passed the final assessment' : 'You did not pass this time');
  const next = score.passed
    ? el('a', { class: 'cc-button', href: declaration }, 'Sign the declaration')
    : el('button', { type: 'button', class: 'cc-button' }, 'Try again with new questions');
  if (!score.passed) next.addEventListener('click', () => showForm(draw()));
  const list = el('ol', { class: 'cc-results' }, ...score.answers.map((a, n) => {
    const q = byId.get(a.question)!;
    const item = el('li', { class: a.correct ? 'cc-results--right' : 'cc-results--wrong' },
      el('h3', {}, el('span', { class: 'cc-question__number' }, `Question ${n + 1}: ${a.correct ? 'correct' : 'wrong'}`), q.prompt),
      el('p', {}, el('strong', {}, 'Your answer: '), a.selected.map((i) => q.options[i]!.text).join('; ')));
    if (!a.correct) {
      item.append(el('p', {}, el('strong', {}, 'The right answer: '), q.options.filter((o) => o.correct).map((o) => o.text).join('; ')), el('p', {}, q.explanation));
    }
    return item;
  }));
  root.replaceChildren(heading,
    el('p', { class: 'cc-lead', 'data-score': String(score.percent) }, `You answered ${score.correct} of ${score.total} questions correctly (${score.percent}%). The pass mark is ${passMark}%.`),
    el('div', { class: 'cc-actions' }, next), el('h2', {}, 'Your answers'), list);
  heading.focus();
}

const stored = readJson<StoredAssessment>(assessmentKey(pack));
const valid = stored && Array.isArray(stored.drawn) && stored.drawn.every((id) => byId.has(id)) ? stored : null;
if (valid?.answers) showResults(valid);
else showForm(valid ?? draw());
