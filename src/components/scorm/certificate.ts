/** The SCORM package's certificate: filled in from the declaration and assessment kept in this browser. */
import { scoreAssessment } from '../../lib/assessment.ts';
import { longDate } from '../../lib/certificate.ts';
import type { AssessmentQuestion } from '../../schemas/assessment.ts';
import { assessmentKey, declarationKey, readJson, type StoredAssessment, type StoredDeclaration } from './keys.ts';

const { pack, bank, passMark } = JSON.parse(document.getElementById('certificate-data')!.textContent!) as { pack: string; bank: AssessmentQuestion[]; passMark: number };
const declaration = readJson<StoredDeclaration>(declarationKey(pack));
const assessment = readJson<StoredAssessment>(assessmentKey(pack));
const set = (field: string, text: string) => {
  const node = document.querySelector(`[data-field="${field}"]`);
  if (node) node.textContent = text;
};
if (declaration && assessment?.answers) {
  const byId = new Map(bank.map((q) => [q.id, q]));
  const score = scoreAssessment(assessment.drawn.map((id) => byId.get(id)!).filter(Boolean), assessment.answers, passMark);
  set('name', declaration.name);
  set('role', `${declaration.role === 'councillor' ? 'Councillor' : 'Co-opted member'}, ${declaration.wardOrCommittee}`);
  set('date', longDate(declaration.at));
  set('score', `${score.correct} of ${score.total} (${score.percent}%) in the final assessment; pass mark ${passMark}%`);
  document.querySelector<HTMLElement>('.cc-certificate')!.hidden = false;
  document.getElementById('certificate-missing')!.hidden = true;
}
