/**
 * The SCORM package's launch page: it holds the one LMS session (LMSInitialize once, LMSFinish on
 * exit) and shows the course in a frame. At launch, with an LMS, `cmi.suspend_data` (progress,
 * assessment and declaration) replaces what the browser holds: a new attempt (`entry=ab-initio`)
 * starts with nothing. Whenever a course page changes that storage, the shell writes
 * suspend_data, the course status and score (see report.ts), each new assessment answer and scenario
 * decision as an interaction, and the declaration once; then a debounced commit.
 */
import { findApi, ScormSession } from '../../lib/scorm/adapter.ts';
import { decodeState, encodeState, type CourseShape, type ScormState } from '../../lib/scorm/suspend.ts';
import { clockTime, interactionsOf, interactionValues } from '../../lib/scorm/interactions.ts';
import { courseReport, learnerName } from '../../lib/scorm/report.ts';
import { parseProgress, storageKey } from '../../lib/progress.ts';
import type { Requirements } from '../../lib/eligibility.ts';
import { ROLES } from '../../lib/record.ts';
import type { AssessmentQuestion } from '../../schemas/assessment.ts';
import { assessmentKey, declarationKey, readJson, removeKey, writeJson, type StoredAssessment, type StoredDeclaration } from './keys.ts';

const data = JSON.parse(document.getElementById('scorm-data')!.textContent!) as
  { shape: CourseShape; bank: AssessmentQuestion[]; passMark: number; requirements: Requirements; declaration: string };
const { shape } = data;
const pack = shape.pack;
const keys = [storageKey(pack), assessmentKey(pack), declarationKey(pack)];
const session = new ScormSession(findApi(window));
const launch = session.start();
const notice = document.getElementById('scorm-notice')!;

/** The signer is the LMS's learner, never a typed name (empty without an LMS, or if the LMS gives none). */
const learner = learnerName(session.get('cmi.core.student_name'));

function current(): ScormState {
  const progress = parseProgress(localStorage.getItem(storageKey(pack)), pack);
  const assessment = readJson<StoredAssessment>(assessmentKey(pack));
  const signed = readJson<StoredDeclaration>(declarationKey(pack));
  const role = ROLES.find((r) => r === signed?.role);
  const declaration = signed && role ? { name: learner || signed.name, role, wardOrCommittee: signed.wardOrCommittee, at: signed.at } : undefined;
  return { progress, assessment, ...(declaration ? { declaration } : {}) };
}

if (session.available) {
  // The LMS is the record: what this browser holds is replaced by the attempt's suspend_data, which is
  // empty on a new attempt (the annual refresher, "start a new attempt"), so nothing carries over.
  const state = decodeState(shape, launch.data);
  writeJson(storageKey(pack), state.progress);
  if (state.assessment) writeJson(assessmentKey(pack), state.assessment);
  else removeKey(assessmentKey(pack));
  if (state.declaration) writeJson(declarationKey(pack), { ...state.declaration, declaration: data.declaration } satisfies StoredDeclaration);
  else removeKey(declarationKey(pack));
}
if (!session.available) {
  notice.hidden = false;
  notice.textContent = 'No learning management system was found, so your progress is kept in this browser only and will not be reported.';
}

const atLaunch = current();
/** Interactions already in the LMS: those of the state it handed back (reported as they happened). */
const reported = new Set(interactionsOf(shape, data.bank, atLaunch).map((x) => x.key));
let nextInteraction = Number(session.get('cmi.interactions._count')) || 0;
/** The declaration goes into cmi.comments once: LMSs append to it, so writing again would duplicate it. */
const SIGNED = 'Signed by ';
let declared = atLaunch.declaration !== undefined || session.get('cmi.comments').includes(SIGNED);
let finished = false;

function sync(): void {
  if (!session.available) return;
  const state = current();
  session.suspend(encodeState(shape, state));
  const report = courseReport(data.requirements, data.bank, data.passMark, state);
  if (report.score !== null) session.score(report.score);
  session.set('cmi.core.lesson_status', report.lessonStatus);
  finished = report.finished;
  const time = clockTime(new Date());
  for (const x of interactionsOf(shape, data.bank, state)) {
    if (reported.has(x.key)) continue;
    reported.add(x.key);
    for (const [element, value] of interactionValues(nextInteraction, x, time)) session.set(element, value);
    nextInteraction++;
  }
  const d = state.declaration;
  if (d && !declared) {
    declared = true;
    const role = d.role === 'councillor' ? 'Councillor' : 'Co-opted member';
    session.set('cmi.comments', `${data.declaration} ${SIGNED}${d.name} (${role}, ${d.wardOrCommittee}) on ${d.at}.`.slice(0, 4096));
  }
  session.commitSoon();
}

// Once at launch too: the status and suspend_data follow this package's rules even if an older one wrote them.
sync();
addEventListener('storage', (event) => {
  if (event.key && keys.includes(event.key)) sync();
});
// Leaving the tab (or closing it on a phone) may be the last chance: send what is waiting.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') session.commit();
});
addEventListener('pagehide', () => {
  sync();
  session.finish(finished);
});

const frame = document.querySelector<HTMLIFrameElement>('iframe[data-src]')!;
frame.src = frame.dataset.src!;
