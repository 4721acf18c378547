/**
 * The sign-off record: what a member signed, exactly. Pure composition of values the server has
 * already checked and scored; signing is in `signing.ts`. The shape is versioned by `format`.
 */
import type { Rescored } from './rescore.ts';
import type { AssessmentScore } from './assessment.ts';
import type { LessonDigest } from './digest.ts';

export const RECORD_FORMAT = 'councillors-social-media-course/sign-off/1';

export const ROLES = ['councillor', 'co-opted member'] as const;
export type Role = (typeof ROLES)[number];

export interface Member {
  name: string;
  role: Role;
  /** The ward a councillor represents, or the committee a co-opted member sits on. */
  wardOrCommittee: string;
  email: string | null;
}

export interface SignOffRecord {
  format: typeof RECORD_FORMAT;
  id: string;
  /** ISO 8601, UTC. */
  signedAt: string;
  member: Member;
  course: {
    pack: string;
    council: string;
    policyTitle: string;
    policyVersion: string;
    /** SHA-256 over the lessons' digests, in reading order. */
    contentHash: string;
    lessons: LessonDigest[];
  };
  scores: Rescored['scores'] & {
    assessment: Omit<AssessmentScore, 'answers'>;
  };
  scenarios: Rescored['scenarios'];
  checks: Rescored['checks'];
  assessment: { attempt: string; answers: AssessmentScore['answers'] };
  /**
   * The route the member took: the full induction, or the refresher against an earlier record
   * (`previousRecord`), with the lessons it asked them to read (new and changed ones).
   */
  route: { kind: 'induction' | 'refresher'; previousRecord: string | null; lessons: string[] };
  /** The declaration exactly as shown beside the checkbox the member ticked. */
  declaration: string;
  /** Which key signed it (see /api/public-key). */
  keyId: string;
}

/** The declaration text for a pack's policy: quoted in the form and stored in the record as signed. */
export function declarationText(pack: { council: string; policy: { title: string; version: string } }): string {
  return `I have read and understood ${pack.council}'s "${pack.policy.title}" (version ${pack.policy.version}), ` +
    'and I will follow it whenever I use social media as a member of the council, or could be seen to be acting as one.';
}

export interface RecordInput {
  id: string;
  signedAt: Date;
  member: Member;
  pack: { id: string; council: string; policy: { title: string; version: string } };
  lessons: readonly LessonDigest[];
  contentHash: string;
  rescored: Rescored;
  attempt: { id: string; score: AssessmentScore };
  route: SignOffRecord['route'];
  keyId: string;
}

export function composeRecord(input: RecordInput): SignOffRecord {
  const { answers, ...assessment } = input.attempt.score;
  return {
    format: RECORD_FORMAT,
    id: input.id,
    signedAt: input.signedAt.toISOString(),
    member: { ...input.member },
    course: {
      pack: input.pack.id,
      council: input.pack.council,
      policyTitle: input.pack.policy.title,
      policyVersion: input.pack.policy.version,
      contentHash: input.contentHash,
      lessons: input.lessons.map(({ id, sha256 }) => ({ id, sha256 })),
    },
    scores: { ...input.rescored.scores, assessment },
    scenarios: input.rescored.scenarios,
    checks: input.rescored.checks,
    assessment: { attempt: input.attempt.id, answers },
    route: { ...input.route, lessons: [...input.route.lessons] },
    declaration: declarationText(input.pack),
    keyId: input.keyId,
  };
}
