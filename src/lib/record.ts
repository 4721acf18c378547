/**
 * The sign-off record: what a member signed, exactly. Pure composition of values the server has
 * already checked and scored; signing is in `signing.ts`. The shape is versioned by `format`.
 */
import type { Rescored } from './rescore.ts';
import type { AssessmentScore } from './assessment.ts';
import type { LessonDigest } from './digest.ts';

export const RECORD_FORMAT = 'councillors-social-media-course/sign-off/2';
/** Records signed before identity levels were recorded (format 1) still verify; they state no identity. */
export const RECORD_FORMATS = ['councillors-social-media-course/sign-off/1', RECORD_FORMAT] as const;

export const ROLES = ['councillor', 'co-opted member'] as const;
export type Role = (typeof ROLES)[number];

export interface Member {
  name: string;
  role: Role;
  /** The ward a councillor represents, or the committee a co-opted member sits on. */
  wardOrCommittee: string;
  email: string | null;
}

/**
 * How the signer's identity was known. `roster-verified`: signed through the personal course link the
 * council sent the member, so the name, role and email are the roster's. `self-declared`: typed by the
 * signer and checked against nothing.
 */
export const IDENTITY_LEVELS = ['roster-verified', 'self-declared'] as const;
export type IdentityLevel = (typeof IDENTITY_LEVELS)[number];

export interface Identity {
  level: IdentityLevel;
  /** The same, in words, as signed: what a reader of the record needs to weigh it. */
  basis: string;
}

export const IDENTITY_BASIS: Record<IdentityLevel, string> = {
  'roster-verified': "Signed through the personal course link the council sent this member: the name, role and email are from the council's roster.",
  'self-declared': "The name, role and email were typed by the signer. They have not been checked against the council's roster.",
};

export const identityOf = (level: IdentityLevel): Identity => ({ level, basis: IDENTITY_BASIS[level] });

export interface SignOffRecord {
  format: (typeof RECORD_FORMATS)[number];
  id: string;
  /** ISO 8601, UTC. */
  signedAt: string;
  member: Member;
  /** How the member's identity was known (absent from format-1 records). */
  identity?: Identity;
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

/** What a pack's members sign: its policy summary and, when it has several, each document with `signed`. */
export type Signable = {
  council: string;
  policy: { title: string; version: string };
  documents?: readonly { title: string; version: string; signed: boolean }[] | undefined;
};

/**
 * The documents a member signs, quoted: `"Policy" (version 3)`, or for several
 * `"Online Policy" (version 2) and "Online Strategy" (version 1)`.
 */
export function signedDocuments(pack: Signable): string {
  const docs = pack.documents?.filter((d) => d.signed) ?? [];
  const each = docs.length > 1 ? docs.map((d) => `"${d.title}" (version ${d.version})`) : [`"${pack.policy.title}" (version ${pack.policy.version})`];
  return each.length === 1 ? each[0]! : `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
}

/** The declaration text for a pack's policy: quoted in the form and stored in the record as signed. */
export function declarationText(pack: Signable): string {
  return `I have read and understood ${pack.council}'s ${signedDocuments(pack)}, ` +
    'and I will follow it whenever I use social media as a member of the council, or could be seen to be acting as one.';
}

export interface RecordInput {
  id: string;
  signedAt: Date;
  member: Member;
  identity: IdentityLevel;
  pack: Signable & { id: string };
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
    identity: identityOf(input.identity),
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
