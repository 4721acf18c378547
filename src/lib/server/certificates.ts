/** A stored record, its verification status and its certificate view: what the certificate, PDF and verify routes share. */
import type { DatabaseSync } from 'node:sqlite';
import { certificateView, type CertificateIssue, type CertificateView } from '../certificate.ts';
import { fingerprintOf } from '../signing.ts';
import { publicKeyById } from './keys.ts';
import { recordMatch } from './identity.ts';
import { checkStoredRecord, findRecord, type Status, type StoredRecord } from './records.ts';

export interface Certificate {
  stored: StoredRecord;
  status: Status;
  view: CertificateView;
  /** When an officer matched this self-declared record to a roster member, if they have. */
  matchedAt: string | undefined;
}

/** `issuers` looks up a pack's expiry period and officer, for the certificate and its PDF (src/data/server-course.ts `certificateIssuers`). */
export function loadCertificate(db: DatabaseSync, id: string, origin: string, issuers?: (pack: string) => CertificateIssue | undefined): Certificate | undefined {
  const stored = findRecord(db, id);
  if (!stored) return undefined;
  const status = checkStoredRecord(db, stored);
  const key = publicKeyById(db, stored.envelope.record.keyId);
  const fingerprint = key ? fingerprintOf(key) : 'unknown key';
  const matchedAt = recordMatch(db, id)?.at;
  return { stored, status, matchedAt, view: certificateView(stored.envelope.record, fingerprint, origin, matchedAt, issuers?.(stored.envelope.record.course.pack)) };
}
