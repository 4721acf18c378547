/**
 * What the package tells the LMS about the course as a whole. `passed` means what sign-off means on
 * the server: the same `eligibility` rule (every lesson, required check and scenario done, the
 * assessment passed) and the declaration signed. Until then the attempt stays `incomplete`, with
 * the latest score, and the learner leaves with exit=suspend: a failed assessment must not end the
 * attempt (an LMS puts a `failed` attempt into review mode, where a retake is not recorded).
 */
import { scoreAssessment, type AssessmentScore } from '../assessment.ts';
import { eligibility, type AssessmentStatus, type Eligibility, type Requirements } from '../eligibility.ts';
import type { AssessmentQuestion } from '../../schemas/assessment.ts';
import type { ScormState } from './suspend.ts';

/** The latest assessment try, marked: `not-taken` until answers are stored. */
export function assessmentOutcome(bank: readonly AssessmentQuestion[], passMark: number, assessment: ScormState['assessment']): { status: AssessmentStatus; score: AssessmentScore | null } {
  if (!assessment?.answers) return { status: 'not-taken', score: null };
  const byId = new Map(bank.map((q) => [q.id, q]));
  const drawn = assessment.drawn.map((id) => byId.get(id)).filter((q) => q !== undefined);
  const score = scoreAssessment(drawn, assessment.answers, passMark);
  return { status: score.passed ? 'passed' : 'failed', score };
}

export interface CourseReport {
  lessonStatus: 'passed' | 'incomplete';
  /** cmi.core.score.raw, 0–100, once the assessment has been answered. */
  score: number | null;
  /** Whether the attempt is over (exit ''), rather than suspended for a return. */
  finished: boolean;
  verdict: Eligibility;
}

export function courseReport(requirements: Requirements, bank: readonly AssessmentQuestion[], passMark: number, state: ScormState): CourseReport {
  const outcome = assessmentOutcome(bank, passMark, state.assessment);
  const verdict = eligibility(requirements, state.progress, outcome.status);
  const passed = verdict.eligible && state.declaration !== undefined;
  return { lessonStatus: passed ? 'passed' : 'incomplete', score: outcome.score?.percent ?? null, finished: passed, verdict };
}

/** `cmi.core.student_name` is "Last, First" by convention (Moodle writes it so): shown as "First Last". */
export function learnerName(studentName: string): string {
  const name = studentName.trim();
  const parts = name.split(',');
  if (parts.length !== 2) return name;
  const [last, first] = parts.map((p) => p.trim()) as [string, string];
  return first && last ? `${first} ${last}` : name;
}
