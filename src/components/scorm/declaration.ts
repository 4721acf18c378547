/**
 * The declaration in a SCORM package: once every lesson is read, every scenario done and the
 * assessment passed (the same `eligibility` function as the server build), the member signs; the
 * SCORM shell records it in the LMS. Then the printable certificate. In an LMS the signer is the
 * LMS's learner (`cmi.core.student_name`), shown and not editable; a declaration already signed in
 * this attempt (restored from suspend_data) is shown as signed, never asked for again.
 */
import { eligibility, type Requirements } from '../../lib/eligibility.ts';
import { parseProgress, storageKey } from '../../lib/progress.ts';
import { longDate } from '../../lib/certificate.ts';
import { showChecklist } from '../sign-off/checklist.ts';
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
// The checklist (the server's component) holds every "still to do" link, in the order the requirements list them.
const checklist = document.querySelector('[data-sign-off-checklist]')!;
const rendered = (kind: 'lessons' | 'questions' | 'scenarios', ids: readonly string[]) => {
  const links = [...checklist.querySelectorAll<HTMLAnchorElement>(`[data-item="${kind}"] [data-missing] a`)];
  return Object.fromEntries(ids.map((id, i) => [id, { title: links[i]?.textContent ?? id, href: links[i]?.getAttribute('href') ?? '#' }]));
};
showChecklist(requirements, verdict, {
  lessons: rendered('lessons', requirements.lessons),
  questions: rendered('questions', requirements.questions),
  scenarios: rendered('scenarios', requirements.scenarios.map((s) => s.id)),
});
const assessmentLine = checklist.querySelector(':scope > li:last-child')!;
if (assessment === 'passed') {
  assessmentLine.className = 'cc-checklist--done';
  assessmentLine.textContent = 'Final assessment: passed';
} else if (assessment === 'failed') {
  assessmentLine.replaceChildren('Final assessment: not passed yet – ', assessmentLine.querySelector('a')!);
}
status.textContent = signed
  ? `You signed the declaration on ${longDate(signed.at)}.`
  : verdict.eligible ? 'You have done everything the course asks. You can now sign the declaration.' : 'You cannot sign yet: some of the course is still to do (see the list above).';
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
