/**
 * The declaration in a SCORM package: once every lesson is read, every scenario done and the
 * assessment passed (the same `eligibility` function as the server build), the member signs; the
 * SCORM shell records it in the LMS. Then the printable certificate. In an LMS the signer is the
 * LMS's learner (`cmi.core.student_name`), shown and not editable; a declaration already signed in
 * this attempt (restored from suspend_data) is shown as signed, never asked for again.
 */
import { eligibility, type Requirements } from '../../lib/eligibility.ts';
import { parseProgress, storageKey } from '../../lib/progress.ts';
import { findApi } from '../../lib/scorm/adapter.ts';
import { assessmentOutcome, learnerName } from '../../lib/scorm/report.ts';
import type { AssessmentQuestion } from '../../schemas/assessment.ts';
import { assessmentKey, declarationKey, readJson, writeJson, type StoredAssessment, type StoredDeclaration } from './keys.ts';

const { pack, requirements, bank, passMark, declaration, certificate } = JSON.parse(document.getElementById('declaration-data')!.textContent!) as
  { pack: string; requirements: Requirements; bank: AssessmentQuestion[]; passMark: number; declaration: string; certificate: string };
const form = document.querySelector<HTMLFormElement>('form[data-declaration]')!;
const status = document.getElementById('declaration-status')!;

// The shell has initialised the LMS session; reading a value needs no second LMSInitialize.
const api = findApi(window);
const learner = learnerName(api?.LMSGetValue('cmi.core.student_name') ?? '');
const nameField = form.querySelector<HTMLElement>('[data-name-field]')!;
const signer = document.getElementById('declaration-signer')!;
if (learner) {
  nameField.hidden = true;
  signer.hidden = false;
  signer.querySelector('strong')!.textContent = learner;
}

const signed = readJson<StoredDeclaration>(declarationKey(pack));
const { status: assessment } = assessmentOutcome(bank, passMark, readJson<StoredAssessment>(assessmentKey(pack)));
const verdict = eligibility(requirements, parseProgress(localStorage.getItem(storageKey(pack)), pack), assessment);
const todo = [
  verdict.missingLessons.length ? `${verdict.missingLessons.length} lessons still to read` : '',
  verdict.missingQuestions.length ? `${verdict.missingQuestions.length} knowledge-check questions still to answer` : '',
  verdict.missingScenarios.length ? `${verdict.missingScenarios.length} scenarios still to complete` : '',
  verdict.assessment !== 'passed' ? 'the final assessment still to pass' : '',
].filter(Boolean);
status.textContent = signed
  ? `You signed the declaration on ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date(signed.at))}.`
  : verdict.eligible ? 'You have done everything the course asks. You can now sign the declaration.' : `You cannot sign yet: ${todo.join(', ')}.`;
form.hidden = !!signed || !verdict.eligible;
document.getElementById('declaration-done')!.hidden = !signed;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const name = learner || String(data.get('name') ?? '').trim();
  const role = String(data.get('role') ?? '');
  const ward = String(data.get('wardOrCommittee') ?? '').trim();
  const errors = [
    !name ? 'Enter your full name' : '',
    !role ? 'Select whether you are a councillor or a co-opted member' : '',
    !ward ? 'Enter your ward or committee' : '',
    data.get('declaration') !== 'agreed' ? 'Tick the box to confirm the declaration' : '',
  ].filter(Boolean);
  const summary = document.getElementById('declaration-errors')!;
  summary.hidden = errors.length === 0;
  summary.querySelector('ul')!.replaceChildren(...errors.map((e) => Object.assign(document.createElement('li'), { textContent: e })));
  if (errors.length) {
    summary.focus();
    return;
  }
  writeJson(declarationKey(pack), { name, role, wardOrCommittee: ward, declaration, at: new Date().toISOString() });
  location.href = certificate;
});
