/** What a certificate shows, from a signed record: one list of labelled lines for the page and the PDF. */
import type { SignOffRecord } from './record.ts';

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
  /** Labelled lines, in the order both the page and the PDF print them. */
  details: { label: string; value: string }[];
}

const longDate = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date(iso));

export function certificateView(record: SignOffRecord, fingerprint: string, origin: string): CertificateView {
  const { assessment } = record.scores;
  const role = record.member.role === 'councillor'
    ? `Councillor, ${record.member.wardOrCommittee}`
    : `Co-opted member, ${record.member.wardOrCommittee}`;
  const policy = `${record.course.policyTitle}, version ${record.course.policyVersion}`;
  const date = longDate(record.signedAt);
  const score = `${assessment.correct} of ${assessment.total} (${assessment.percent}%) in the final assessment; pass mark ${assessment.passMark}%`;
  const verifyUrl = `${origin}/verify/${record.id}/`;
  return {
    name: record.member.name, role, council: record.course.council, policy, date, score,
    recordId: record.id, fingerprint, verifyUrl,
    details: [
      { label: 'Role', value: role },
      { label: 'Council', value: record.course.council },
      { label: 'Policy', value: policy },
      { label: 'Signed on', value: date },
      { label: 'Score', value: score },
      { label: 'Record ID', value: record.id },
      { label: 'Signing key fingerprint (SHA-256)', value: fingerprint },
      { label: 'Check it at', value: verifyUrl },
    ],
  };
}
