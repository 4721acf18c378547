/** What a certificate shows, from a signed record: one list of labelled lines for the page and the PDF. */
import type { SignOffRecord } from './record.ts';
import { addMonths } from './member-status.ts';

/** How the signer's identity was known, in words for the certificate, the PDF and the verification page. */
export function identityLine(record: Pick<SignOffRecord, 'identity'>, matchedOn?: string): string {
  const level = record.identity?.level;
  if (level === 'roster-verified') return "Roster-verified: signed through the member's personal course link from the council";
  if (level === 'self-declared') {
    return matchedOn
      ? `Self-declared: typed by the signer; matched to the council's roster by an officer on ${longDate(matchedOn)}`
      : "Self-declared: typed by the signer and not checked against the council's roster";
  }
  return 'Not recorded: signed before the course recorded how identity was known';
}

/** What the issuing pack adds to a certificate: its refresh period (for the expiry date) and the officer's role title. */
export interface CertificateIssue {
  refreshMonths: number;
  officer: string;
}

/** When a sign-off runs out: the signing day (UTC, as the dashboard counts) plus the pack's refresh period, in words. */
export function expiryDate(signedAt: string, refreshMonths: number): string {
  const expires = addMonths(new Date(`${signedAt.slice(0, 10)}T00:00:00Z`), refreshMonths);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(expires);
}

export interface CertificateView {
  name: string;
  /** "Councillor, Garstang ward"-style line. */
  role: string;
  council: string;
  policy: string;
  date: string;
  score: string;
  recordId: string;
  fingerprint: string;
  verifyUrl: string;
  identity: string;
  /** Labelled lines, in the order both the page and the PDF print them. */
  details: { label: string; value: string }[];
  /**
   * Only what checking a certificate needs (review row 7): no score, answers or email. The
   * certificate adds where to check it; the score is for the officer's view of the record.
   */
  publicDetails: { label: string; value: string }[];
}

/** "21 November 2026", in UK time: how certificates and verification pages date things. */
export const longDate = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date(iso));

/** `issue`, from the record's pack as served now, adds the expiry date and who issued the certificate. */
export function certificateView(record: SignOffRecord, fingerprint: string, origin: string, matchedOn?: string, issue?: CertificateIssue): CertificateView {
  const { assessment } = record.scores;
  const role = record.member.role === 'councillor'
    ? `Councillor, ${record.member.wardOrCommittee}`
    : `Co-opted member, ${record.member.wardOrCommittee}`;
  const policy = `${record.course.policyTitle}, version ${record.course.policyVersion}`;
  const date = longDate(record.signedAt);
  const score = `${assessment.correct} of ${assessment.total} (${assessment.percent}%) in the final assessment; pass mark ${assessment.passMark}%`;
  const verifyUrl = `${origin}/verify/${record.id}/`;
  const identity = identityLine(record, matchedOn);
  const head = [
    { label: 'Role', value: role },
    { label: 'Council', value: record.course.council },
    { label: 'Policy', value: policy },
    { label: 'Signed on', value: date },
    ...(issue ? [
      { label: 'Valid until', value: `${expiryDate(record.signedAt, issue.refreshMonths)}, when the member signs again` },
      { label: 'Issued by', value: `The ${issue.officer}, ${record.course.council}` },
    ] : []),
    { label: 'Identity', value: identity },
  ];
  const key = { label: 'Signing key fingerprint (SHA-256)', value: fingerprint };
  return {
    name: record.member.name, role, council: record.course.council, policy, date, score,
    recordId: record.id, fingerprint, verifyUrl, identity,
    details: [...head, { label: 'Record ID', value: record.id }, key, { label: 'Check it at', value: verifyUrl }],
    publicDetails: [...head, { label: 'Record ID', value: record.id }, key],
  };
}
