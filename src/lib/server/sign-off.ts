/**
 * `POST /sign-off/`: checks the declaration form, re-scores the progress it carries, checks
 * eligibility with the same function the page uses, then signs and stores one record (in the next
 * group commit: resolves once it is durable). Returns either the record's ID or a refusal with a
 * status and messages; a refusal stores nothing.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { CoursePack } from '../../data/course.ts';
import { SignOffFormSchema, SIGN_OFF_FIELDS, type SignOffForm } from '../../schemas/sign-off.ts';
import { eligibility, routeRequirements, type Eligibility } from '../eligibility.ts';
import { routeFor } from './member-route.ts';
import { memberEvents } from './progress-events.ts';
import { unrecordedSteps } from '../progress-backing.ts';
import { readProgress, emptyProgress } from '../progress.ts';
import { rescore, RescoreError } from '../rescore.ts';
import { composeRecord } from '../record.ts';
import type { AssessmentQuestion } from '../../schemas/assessment.ts';
import { scoreAssessment } from '../assessment.ts';
import { findAttempt } from './attempts.ts';
import type { SigningKey } from './keys.ts';
import { sameName } from '../format.ts';
import { AttemptAlreadyUsed, newRecordId, sealRecord, writeRecord } from './records.ts';
import { groupCommit } from './group-commit.ts';
import type { MemberRow } from './members.ts';

export type FieldErrors = Partial<Record<(typeof SIGN_OFF_FIELDS)[number], string>>;

export type SignOffResult =
  | { ok: true; recordId: string; doubleSubmit: boolean }
  | { ok: false; status: number; message: string; fieldErrors?: FieldErrors; eligibility?: Eligibility; recordId?: string };

const SUBMISSION = /^[A-Za-z0-9_-]{22}$/;

/**
 * `COURSE_SIGN_OFF=linked-only`: only members who opened their personal course link may sign, so every
 * record is roster-verified. Unset (or `open`), anyone may sign and a record without a link is marked
 * self-declared.
 */
export const signOffMode = (): 'open' | 'linked-only' => (process.env.COURSE_SIGN_OFF?.trim() === 'linked-only' ? 'linked-only' : 'open');

/** Why sign-off is refused without a link, naming the pack's own officer ("Monitoring Officer", "Clerk"). */
export const linkedOnly = (officer: string): string =>
  `This council signs declarations only through members' personal course links. Open the link your ${officer} sent you, then sign. If you have lost it, ask them for a new one.`;

export async function signOff(
  deps: { db: DatabaseSync; key: SigningKey; now?: Date },
  course: CoursePack,
  bank: readonly AssessmentQuestion[],
  form: URLSearchParams,
  /** The member whose personal link this browser opened: their roster details are signed, not the typed ones. */
  member?: MemberRow,
): Promise<SignOffResult> {
  // Through a personal link the roster's details are signed (checked when imported), not what was
  // typed: only the declaration is read from the form.
  const linked = member && member.pack === course.pack.id ? member : undefined;
  if (!linked && signOffMode() === 'linked-only') return { ok: false, status: 403, message: linkedOnly(course.pack.monitoringOfficer.role) };
  const submission = form.get('submission') ?? '';
  if (!SUBMISSION.test(submission)) return { ok: false, status: 400, message: 'The form is missing its one-time key. Reload the sign-off page and try again.' };

  const fields = Object.fromEntries(SIGN_OFF_FIELDS.map((f) => [f, form.get(f) ?? undefined]));
  const parsed = linked
    ? SignOffFormSchema.pick({ declaration: true }).safeParse(fields)
    : SignOffFormSchema.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] as keyof FieldErrors;
      fieldErrors[name] ??= issue.message;
    }
    return { ok: false, status: 400, message: 'Check the details you entered.', fieldErrors };
  }

  const attempt = findAttempt(deps.db, form.get('attempt') ?? '');
  if (!attempt || attempt.pack !== course.pack.id) {
    return { ok: false, status: 400, message: 'That assessment attempt is not known. Take the final assessment, then come back to sign.' };
  }
  // A pass belongs to whoever took it: a member signs with a pass taken through their own link, and
  // a pass taken through someone's link signs for no one else.
  if (attempt.memberId !== (linked?.id ?? null)) {
    return { ok: false, status: 403, message: linked
      ? 'That assessment was not taken through your personal course link. Take the final assessment here, then sign.'
      : 'That assessment was taken through a personal course link: sign through that link.' };
  }

  const raw = form.get('progress') ?? '';
  const progress = raw === '' ? emptyProgress(course.pack.id) : readProgress(raw, course.pack.id);
  if (!progress) {
    return { ok: false, status: 400, message: 'The course progress sent with the form could not be read. Reload the sign-off page and try again.' };
  }
  let rescored;
  try {
    rescored = rescore({ lessons: course.requirements.lessons, scenarios: course.scenarios, checks: course.checks }, progress);
  } catch (error) {
    if (!(error instanceof RescoreError)) throw error;
    return { ok: false, status: 400, message: `Your saved progress does not match this course (${error.message}). Do that part again, then sign.` };
  }

  // Induction, or the refresher against the member's last record (their link's, or the ID they gave).
  const choice = routeFor(deps.db, course, { member: linked, recordId: form.get('previous') ?? undefined });
  if (!choice.ok) return { ok: false, status: 400, message: choice.message };
  // Without a personal link, a refresher is for the person named on the record it refreshes.
  if (!linked && choice.previous && !sameName((parsed.data as SignOffForm).name, choice.previous.member.name)) {
    return { ok: false, status: 400, message: 'The name you entered is not the name on the record you are refreshing. Enter it as it is on your certificate, or take the full course.', fieldErrors: { name: 'Enter your name as it is on the record you are refreshing' } };
  }
  const status = attempt.result === null ? 'not-taken' : attempt.result.passed ? 'passed' : 'failed';
  const verdict = eligibility(routeRequirements(choice.route, course.paths), progress, status);
  if (!verdict.eligible) return { ok: false, status: 422, message: 'You cannot sign yet: some of the course is still to do.', eligibility: verdict };
  // Security review row 9: through a personal link, each step must be one the server itself recorded.
  const unrecorded = linked && unrecordedSteps(routeRequirements(choice.route, course.paths), memberEvents(deps.db, linked.id), course);
  if (unrecorded) return { ok: false, status: 422, message: unrecorded.message, eligibility: unrecorded.verdict };

  const questions = new Map(bank.map((q) => [q.id, q]));
  const drawn = attempt.questions.map((id) => questions.get(id)).filter((q) => q !== undefined);
  // Marked again from the bank and the stored answers: the record holds what the server computed.
  const score = scoreAssessment(drawn, Object.fromEntries(attempt.result!.answers.map((a) => [a.question, a.selected])), course.pack.passMark);
  // Composed, canonicalised and signed here, off the write lock; only the checks that need it
  // (double submit, attempt already used) and the inserts wait for the next group commit.
  const sealed = sealRecord(composeRecord({
    id: newRecordId(),
    signedAt: deps.now ?? new Date(),
    member: linked
      ? { name: linked.name, role: linked.role, wardOrCommittee: linked.ward_or_committee, email: linked.email }
      : (({ declaration: _d, ...typed }) => typed)(parsed.data as SignOffForm),
    identity: linked ? 'roster-verified' : 'self-declared',
    pack: course.pack,
    lessons: course.content.lessons,
    contentHash: course.content.hash,
    rescored,
    attempt: { id: attempt.id, score },
    route: { kind: choice.route.kind, previousRecord: choice.previous?.id ?? null, lessons: choice.route.lessons.map((l) => l.id) },
    keyId: deps.key.keyId,
  }), deps.key);
  try {
    const stored = await groupCommit(deps.db).submit(() => writeRecord(deps.db, submission, () => sealed, linked?.id));
    return { ok: true, recordId: stored.id, doubleSubmit: !stored.stored };
  } catch (error) {
    if (error instanceof AttemptAlreadyUsed) {
      return { ok: false, status: 409, message: 'This assessment attempt has already been used to sign a declaration. Each pass signs one declaration: take the assessment again to sign again.', recordId: error.recordId };
    }
    throw error;
  }
}
