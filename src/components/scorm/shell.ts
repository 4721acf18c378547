/**
 * The SCORM package's launch page: it holds the one LMS session (LMSInitialize once, LMSFinish on
 * exit) and shows the course in a frame. On start it restores the learner's progress from
 * `cmi.suspend_data` into the browser storage the course pages use; whenever a page changes that
 * storage, it writes suspend_data back, and reports the assessment score, pass or fail, and the
 * declaration (`cmi.comments`, with the decisions as `cmi.interactions`).
 */
import { findApi, ScormSession } from '../../lib/scorm/adapter.ts';
import { decodeState, encodeState, type CourseShape } from '../../lib/scorm/suspend.ts';
import { parseProgress, storageKey } from '../../lib/progress.ts';
import { scoreAssessment } from '../../lib/assessment.ts';
import type { AssessmentQuestion } from '../../schemas/assessment.ts';
import { assessmentKey, declarationKey, readJson, writeJson, type StoredAssessment, type StoredDeclaration } from './keys.ts';

const data = JSON.parse(document.getElementById('scorm-data')!.textContent!) as { shape: CourseShape; bank: AssessmentQuestion[]; passMark: number };
const { shape } = data;
const pack = shape.pack;
const session = new ScormSession(findApi(window));
const suspended = session.start();
const notice = document.getElementById('scorm-notice')!;

if (suspended) {
  const state = decodeState(shape, suspended);
  writeJson(storageKey(pack), state.progress);
  if (state.assessment) writeJson(assessmentKey(pack), state.assessment);
}
if (!session.available) {
  notice.hidden = false;
  notice.textContent = 'No learning management system was found, so your progress is kept in this browser only and will not be reported.';
}

let finished = false;
let declared = false;

function sync(): void {
  const progress = parseProgress(localStorage.getItem(storageKey(pack)), pack);
  const assessment = readJson<StoredAssessment>(assessmentKey(pack));
  session.suspend(encodeState(shape, { progress, assessment }));
  if (assessment?.answers) {
    const bank = new Map(data.bank.map((q) => [q.id, q]));
    const drawn = assessment.drawn.map((id) => bank.get(id)).filter((q) => q !== undefined);
    const score = scoreAssessment(drawn, assessment.answers, data.passMark);
    session.score(score.percent);
    session.set('cmi.core.lesson_status', score.passed ? 'passed' : 'failed');
    finished = true;
  }
  const declaration = readJson<StoredDeclaration>(declarationKey(pack));
  if (declaration && !declared) {
    declared = true;
    session.set('cmi.comments', `${declaration.declaration} Signed by ${declaration.name} (${declaration.role}, ${declaration.wardOrCommittee}) on ${declaration.at}.`.slice(0, 4096));
    let n = 0;
    for (const [scenario, s] of Object.entries(progress.scenarios)) {
      for (const d of s.answers) {
        const prefix = `cmi.interactions.${n++}`;
        session.set(`${prefix}.id`, `${scenario}-${d.node}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 255));
        session.set(`${prefix}.type`, 'true-false');
        session.set(`${prefix}.student_response`, d.answer === 'yes' ? 't' : 'f');
        session.set(`${prefix}.result`, d.correct ? 'correct' : 'wrong');
      }
    }
  }
  session.commit();
}

addEventListener('storage', (event) => {
  if (event.key && [storageKey(pack), assessmentKey(pack), declarationKey(pack)].includes(event.key)) sync();
});
addEventListener('pagehide', () => {
  sync();
  session.finish(finished);
});

const frame = document.querySelector<HTMLIFrameElement>('iframe[data-src]')!;
frame.src = frame.dataset.src!;
