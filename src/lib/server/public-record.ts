/**
 * What anyone holding a record ID may see (security review row 7): only what checking a certificate
 * needs. The full signed record — email, answers, decisions — goes to the council's officers and to
 * the member through their own personal link; a revocation's reason and the officer's name stay in
 * the admin view.
 */
import type { APIContext } from 'astro';
import type { DatabaseSync } from 'node:sqlite';
import { longDate } from '../certificate.ts';
import type { Certificate } from './certificates.ts';
import { memberOfRecord } from './identity.ts';


/** The public line for a revoked record: when, and by whom in general terms. */
export const revokedLine = (at: string): string => `The council revoked this record on ${longDate(at)}.`;

export function publicRecord({ stored, status, matchedAt }: Certificate) {
  const { record } = stored.envelope;
  return {
    id: record.id,
    status: status.status,
    ...(status.status === 'invalid' ? { reason: status.reason } : { keyId: status.keyId }),
    ...(status.status === 'revoked' ? { revoked: { on: status.revocation.at.slice(0, 10), note: revokedLine(status.revocation.at) } } : {}),
    name: record.member.name,
    role: record.member.role,
    wardOrCommittee: record.member.wardOrCommittee,
    council: record.course.council,
    policy: { title: record.course.policyTitle, version: record.course.policyVersion },
    signedAt: record.signedAt,
    identity: {
      level: record.identity?.level ?? 'not-recorded',
      ...(record.identity ? { basis: record.identity.basis } : {}),
      ...(matchedAt ? { matchedToRosterOn: matchedAt.slice(0, 10) } : {}),
    },
  };
}

/** Whether this request may see the whole record: a signed-in officer, or the member it belongs to, through their link. */
export function mayReadFull(db: DatabaseSync, locals: APIContext['locals'], recordId: string): boolean {
  if (locals.admin) return true;
  return locals.member !== undefined && memberOfRecord(db, recordId) === locals.member.id;
}
