/**
 * Brings a lesson's server-rendered knowledge check (KnowledgeCheck.astro) to life: restores
 * answered questions from the pack's stored progress, checks an answer with the one scoring module,
 * records it (and the lesson as read, for a required question), fills the feedback panel and moves
 * focus to it, and offers "try again". Plain DOM, no framework; loaded by knowledge-check.ts.
 * Nothing here is a live region: focus moves to what changed, so it is read once.
 */
import { visitLesson, type CheckProgress } from '../../lib/progress.ts';
import { answerCheck, clearCheck } from '../../lib/progress-changes.ts';
import { isRightChoice } from '../../lib/scoring.ts';
import { updateProgress, watchProgress } from '../../stores/progress.ts';

/** What KnowledgeCheck.astro gives the enhancer as JSON: each question's key and feedback, by question ID. */
export interface CheckData {
  pack: string;
  /** The lesson's ID, recorded as read when a required question is answered. */
  lesson: string;
  questions: Record<string, { practice: boolean; options: { correct: boolean; feedback: string }[] }>;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
};

/** One question's form and the parts of it that change. */
function partsOf(form: HTMLFormElement) {
  const $ = <T extends Element>(selector: string) => form.querySelector<T>(selector)!;
  return {
    id: form.dataset.question!,
    fieldset: $<HTMLFieldSetElement>('fieldset'),
    inputs: [...form.querySelectorAll<HTMLInputElement>('input')],
    error: $<HTMLElement>('.cc-question__error'),
    feedback: $<HTMLElement>('.cc-feedback'),
    submit: $<HTMLButtonElement>('[type=submit]'),
    retry: $<HTMLButtonElement>('[data-retry]'),
  };
}
type Parts = ReturnType<typeof partsOf>;

function setError(q: Parts, message: string): void {
  q.error.textContent = message;
  q.error.hidden = !message;
  if (message) q.fieldset.setAttribute('aria-describedby', q.error.id);
  else q.fieldset.removeAttribute('aria-describedby');
}

/** Shows a question answered (read-only options, feedback, "try again") or open. */
function render(q: Parts, options: CheckData['questions'][string]['options'], answer: CheckProgress | undefined): void {
  const wasAnswered = !q.feedback.hidden;
  q.inputs.forEach((input, i) => {
    const chosen = !!answer?.selected.includes(i);
    if (answer || wasAnswered) input.checked = chosen;
    input.disabled = !!answer;
    input.parentElement!.classList.toggle('cc-choice--chosen', chosen);
  });
  q.submit.hidden = !!answer;
  q.retry.hidden = !answer;
  q.feedback.hidden = !answer;
  q.feedback.className = `cc-feedback${answer ? ` cc-feedback__panel cc-feedback__panel--${answer.correct ? 'right' : 'wrong'}` : ''}`;
  if (!answer) return q.feedback.replaceChildren();
  setError(q, '');
  const verdict = answer.correct ? 'Correct.' : q.inputs[0]?.type === 'checkbox' ? 'Not quite: look at each option.' : 'Not quite.';
  const items = options.flatMap((option, i) => {
    const chosen = answer.selected.includes(i);
    if (!chosen && !option.correct) return [];
    const text = q.inputs[i]?.labels?.[0]?.textContent ?? '';
    return [el('li', el('strong', text), ` ${option.correct ? '(correct)' : '(not correct)'}${chosen ? ', you chose this' : ''}. ${option.feedback}`)];
  });
  const p = el('p', verdict);
  p.className = 'cc-feedback__verdict';
  q.feedback.replaceChildren(p, el('ul', ...items));
}

/** Enhances the check in `root`; returns the submit handler (knowledge-check.ts listens for submits). */
export function enhance(root: HTMLElement): (form: HTMLFormElement) => void {
  const data = JSON.parse(root.querySelector('script[type="application/json"]')?.textContent ?? '{}') as CheckData;
  const questions = new Map([...root.querySelectorAll<HTMLFormElement>('form[data-question]')].map((form) => [form, partsOf(form)]));
  const shown = new Map<string, string>();

  watchProgress(data.pack, (progress) => {
    for (const q of questions.values()) {
      const answer = progress.checks[q.id];
      const key = JSON.stringify(answer ?? null);
      if (shown.get(q.id) === key) continue; // unchanged: keep the learner's place
      shown.set(q.id, key);
      render(q, data.questions[q.id]?.options ?? [], answer);
    }
  });

  for (const q of questions.values()) {
    q.retry.addEventListener('click', () => {
      updateProgress(data.pack, (p) => clearCheck(p, q.id));
      q.inputs[0]?.focus();
    });
  }
  root.dataset.ready = '';

  return (form) => {
    const q = questions.get(form);
    const question = q && data.questions[q.id];
    if (!q || !question || !q.feedback.hidden) return;
    const selected = q.inputs.flatMap((input, i) => (input.checked ? [i] : []));
    if (selected.length === 0) {
      setError(q, q.inputs[0]?.type === 'checkbox' ? 'Choose at least one answer, then check it.' : 'Choose an answer, then check it.');
      q.error.focus();
      return;
    }
    updateProgress(data.pack, (p) => {
      const answered = answerCheck(p, q.id, selected, isRightChoice(question.options, selected));
      return question.practice ? answered : visitLesson(answered, data.lesson);
    });
    q.feedback.focus();
  };
}
