import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, readMigrations } from '../../src/lib/server/db.ts';
import { keyFilePath, loadSigningKey } from '../../src/lib/server/keys.ts';
import { createAttempt, findAttempt, submitAttempt } from '../../src/lib/server/attempts.ts';
import { signRecord } from '../../src/lib/signing.ts';
import { AttemptAlreadyUsed, checkRecord, checkStoredRecord, countRecords, findRecord, revokeRecord, storeRecord } from '../../src/lib/server/records.ts';
import { composeRecord } from '../../src/lib/record.ts';
import { matchRecord, recordMatch, rejectionReason, unmatchedSignOffs } from '../../src/lib/server/identity.ts';
import { archiveMember, listMembers, saveMember } from '../../src/lib/server/members.ts';
import { rescore } from '../../src/lib/rescore.ts';
import { scoreAssessment } from '../../src/lib/assessment.ts';
import { lessonDigest, packDigest } from '../../src/lib/digest.ts';
import { courseFor, perfectProgress } from './support/course.ts';
import { keyedDatabase } from './support/records.ts';

const dir = mkdtempSync(join(tmpdir(), 'course-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const fresh = () => keyedDatabase(join(dir, `t${++n}`, 'course.db'));

const wyre = courseFor('wyre');
const digests = wyre.lessons.map((id) => lessonDigest({ id, data: {}, body: id }));

function recordFor(attemptId: string, keyId: string, id: string, identity: 'self-declared' | 'roster-verified' = 'self-declared') {
  return () => composeRecord({
    id, signedAt: new Date(), keyId, route: { kind: 'induction' as const, previousRecord: null, lessons: [] },
    member: { name: 'Siân Ŵyn Llŷr', role: 'councillor', wardOrCommittee: 'Garstang', email: null }, identity,
    pack: wyre.pack.pack, lessons: digests, contentHash: packDigest(digests),
    rescored: rescore(wyre, perfectProgress(wyre)),
    attempt: { id: attemptId, score: scoreAssessment([], {}, 80) },
  });
}

describe('database', () => {
  beforeEach(() => { delete process.env.COURSE_DB; });

  it('creates its folder, uses WAL and foreign keys, and applies each migration once', () => {
    const { db, path } = fresh();
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((db.prepare('PRAGMA foreign_keys').get() as { foreign_keys: number }).foreign_keys).toBe(1);
    expect(migrate(db)).toEqual([]);
    db.close();
    const again = openDatabase(path);
    const applied = again.prepare('SELECT name FROM schema_migrations').all().map((r) => (r as { name: string }).name);
    expect(applied).toEqual(readMigrations().map((m) => m.name));
    again.close();
  });

  it('creates the signing key once, readable by its owner only, and keeps it', () => {
    const { key } = fresh();
    expect(statSync(keyFilePath()).mode & 0o777).toBe(0o600);
    expect(loadSigningKey().keyId).toBe(key.keyId);
  });

  it('uses COURSE_SIGNING_KEY when set, and refuses a key that is not Ed25519', () => {
    fresh();
    const pem = loadSigningKey().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    process.env.COURSE_SIGNING_KEY = pem;
    expect(loadSigningKey().source).toBe('COURSE_SIGNING_KEY');
    process.env.COURSE_SIGNING_KEY = '-----BEGIN PRIVATE KEY-----\nnonsense\n-----END PRIVATE KEY-----';
    expect(() => loadSigningKey()).toThrow(/does not hold a PEM private key/);
    delete process.env.COURSE_SIGNING_KEY;
  });

  it('stores an attempt by the hash of its token and submits it once', () => {
    const { db } = fresh();
    const token = createAttempt(db, 'wyre', ['fa-a', 'fa-b']);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(db.prepare('SELECT count(*) AS n FROM attempts WHERE id = ?').get(token)).toEqual({ n: 0 });
    const attempt = findAttempt(db, token)!;
    expect(attempt).toMatchObject({ pack: 'wyre', questions: ['fa-a', 'fa-b'], result: null });
    const score = scoreAssessment([], {}, 80);
    expect(submitAttempt(db, attempt.id, score)).toBe(true);
    expect(submitAttempt(db, attempt.id, score)).toBe(false);
    expect(findAttempt(db, 'x'.repeat(22))).toBeUndefined();
    expect(findAttempt(db, "' OR 1=1 --")).toBeUndefined();
  });

  it('stores one record per submission and per attempt; the stored record verifies', () => {
    const { db, key } = fresh();
    const attempt = findAttempt(db, createAttempt(db, 'wyre', []))!;
    const first = storeRecord(db, key, 'sub-1', recordFor(attempt.id, key.keyId, '11111111-1111-4111-8111-111111111111'));
    expect(first).toEqual({ stored: true, id: '11111111-1111-4111-8111-111111111111' });
    // The same form again: the first record, nothing new.
    expect(storeRecord(db, key, 'sub-1', recordFor(attempt.id, key.keyId, '22222222-2222-4222-8222-222222222222'))).toEqual({ stored: false, id: first.id, reason: 'double-submit' });
    // Another form with the same attempt: refused.
    expect(() => storeRecord(db, key, 'sub-2', recordFor(attempt.id, key.keyId, '33333333-3333-4333-8333-333333333333'))).toThrow(AttemptAlreadyUsed);
    expect(countRecords(db)).toBe(1);
    const stored = findRecord(db, first.id)!;
    expect(stored.envelope.record.member.name).toBe('Siân Ŵyn Llŷr');
    expect(checkStoredRecord(db, stored)).toEqual({ status: 'valid', keyId: key.keyId });
  });

  it('refuses to change or delete a record; revocation is a new event', () => {
    const { db, key } = fresh();
    const attempt = findAttempt(db, createAttempt(db, 'wyre', []))!;
    const { id } = storeRecord(db, key, 's', recordFor(attempt.id, key.keyId, '44444444-4444-4444-8444-444444444444'));
    expect(() => db.prepare("UPDATE records SET member_name = 'X' WHERE id = ?").run(id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM records WHERE id = ?').run(id)).toThrow(/append-only/);
    revokeRecord(db, key, id, 'Signed on behalf of another member', 'Monitoring Officer');
    expect(checkStoredRecord(db, findRecord(db, id)!)).toMatchObject({ status: 'revoked', revocation: { reason: 'Signed on behalf of another member' } });
    expect(() => db.prepare('DELETE FROM record_events').run()).toThrow(/append-only/);
  });

  it('a record changed in the database by someone who bypasses the triggers fails verification', () => {
    const { db, key } = fresh();
    const attempt = findAttempt(db, createAttempt(db, 'wyre', []))!;
    const { id } = storeRecord(db, key, 's', recordFor(attempt.id, key.keyId, '55555555-5555-4555-8555-555555555555'));
    db.exec('DROP TRIGGER records_append_only_update');
    db.prepare("UPDATE records SET body = replace(body, 'Siân', 'Sian') WHERE id = ?").run(id);
    expect(checkStoredRecord(db, findRecord(db, id)!)).toMatchObject({ status: 'invalid' });
  });

  it('a record naming a key the course never registered is invalid', () => {
    const { db, key } = fresh();
    const record = recordFor('a'.repeat(64), 'ffffffffffffffff', '66666666-6666-4666-8666-666666666666')();
    const { signature } = signRecord(record, key.privateKey);
    expect(checkRecord(db, record, signature)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/not one of this course's signing keys/) });
    expect(checkRecord(db, { ...record, keyId: key.keyId }, signature)).toMatchObject({ status: 'invalid' });
    expect(checkRecord(db, 'not a record', signature)).toMatchObject({ status: 'invalid' });
  });
});

describe('self-declared records (review row 1)', () => {
  const member = (db: ReturnType<typeof fresh>['db'], email: string, pack = 'wyre') =>
    saveMember(db, null, { name: 'Jane Smith', email, role: 'councillor', wardOrCommittee: 'Garstang', pack, dueDate: '2030-01-01' }, 'test');
  const store = (db: ReturnType<typeof fresh>['db'], key: ReturnType<typeof fresh>['key'], id: string, identity?: 'roster-verified') =>
    storeRecord(db, key, id.slice(0, 8), recordFor(findAttempt(db, createAttempt(db, 'wyre', []))!.id, key.keyId, id, identity)).id;

  it('lists unmatched records with a suggested member; matching is audited and counts the record for the member, once', () => {
    const { db, key } = fresh();
    const jane = member(db, 'jane@example.org');
    const id = store(db, key, '77777777-7777-4777-8777-777777777777');
    expect(unmatchedSignOffs(db)).toEqual([expect.objectContaining({ id, suggestion: undefined })]);
    saveMember(db, jane, { name: 'Siân Ŵyn Llŷr', email: 'jane@example.org', role: 'councillor', wardOrCommittee: 'Garstang', pack: 'wyre', dueDate: '2030-01-01' }, 'test');
    expect(unmatchedSignOffs(db)[0]!.suggestion).toMatchObject({ id: jane });
    expect(matchRecord(db, id, jane, 'mo@example.org')).toEqual({ ok: true });
    expect(unmatchedSignOffs(db)).toEqual([]);
    expect(listMembers(db).find((m) => m.id === jane)!.record_id).toBe(id);
    expect(recordMatch(db, id)).toMatchObject({ memberId: jane, actor: 'mo@example.org' });
    expect(db.prepare("SELECT actor, subject FROM audit_log WHERE action = 'record-match'").all()).toEqual([{ actor: 'mo@example.org', subject: id }]);
    expect(matchRecord(db, id, jane, 'mo@example.org')).toMatchObject({ ok: false, message: expect.stringMatching(/already matched/) });
  });

  it('refuses to match a revoked or roster-verified record, another course\'s member, or an archived one', () => {
    const { db, key } = fresh();
    const other = member(db, 'ash@example.org', 'ashfield');
    const gone = member(db, 'gone@example.org');
    archiveMember(db, gone, 'test');
    const ours = member(db, 'ours@example.org');
    const id = store(db, key, '88888888-8888-4888-8888-888888888888');
    expect(matchRecord(db, id, other, 'mo')).toMatchObject({ ok: false, message: expect.stringMatching(/another council/) });
    expect(matchRecord(db, id, gone, 'mo')).toMatchObject({ ok: false, message: expect.stringMatching(/current member/) });
    const verified = store(db, key, '99999999-9999-4999-8999-999999999999', 'roster-verified');
    expect(matchRecord(db, verified, ours, 'mo')).toMatchObject({ ok: false, message: expect.stringMatching(/personal link/) });
    revokeRecord(db, key, id, rejectionReason(''), 'mo');
    expect(matchRecord(db, id, ours, 'mo')).toMatchObject({ ok: false, message: expect.stringMatching(/revoked/) });
    expect(unmatchedSignOffs(db).map((u) => u.id)).toEqual([verified]);
    expect(db.prepare('SELECT count(*) AS n FROM record_matches').get()).toEqual({ n: 0 });
  });
});
