/**
 * Security review row 12 (and 24): tampering with the database by someone without the signing key is
 * detected, by the record's own verification or by `npm run audit:verify`; each case below is one
 * of the review's reproductions.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db.ts';
import type { SigningKey } from '../../src/lib/server/keys.ts';
import { anchorFor, audit, entryHash, GENESIS, type AuditEntry } from '../../src/lib/server/audit.ts';
import { checkAuditLog, expectedHeadProblem } from '../../src/lib/server/audit-check.ts';
import { checkStoredRecord, findRecord, revokeRecord } from '../../src/lib/server/records.ts';
import { createAdmin, login } from '../../src/lib/server/admins.ts';
import { importRoster, saveMember } from '../../src/lib/server/members.ts';
import { fingerprintOf, keyIdOf, publicKeyPem } from '../../src/lib/signing.ts';
import { keyedDatabase, storeTestRecord } from './support/records.ts';
import { matchRecord } from '../../src/lib/server/identity.ts';

const dir = mkdtempSync(join(tmpdir(), 'audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => { delete process.env.COURSE_DB; });
let n = 0;
const mo = 'mo@council.gov.uk';
const member = (i: number) => ({ name: `Roster ${i}`, email: `roster${i}@example.org`, role: 'councillor' as const, wardOrCommittee: 'Garstang', pack: 'wyre', dueDate: '2030-03-31' });

/** A database as the server leaves it: an admin, a roster, three records, one of them revoked. */
async function seeded() {
  const { db, key, path } = keyedDatabase(join(dir, `t${++n}`, 'course.db'));
  await createAdmin(db, { email: mo, name: 'Monitoring Officer', password: 'a long enough passphrase 1' }, 'setup-link');
  importRoster(db, [member(1), member(2)], mo);
  const memberId = saveMember(db, null, member(3), mo);
  const kept = storeTestRecord(db, key, 1, memberId);
  const revoked = storeTestRecord(db, key, 2);
  const spare = storeTestRecord(db, key, 3);
  revokeRecord(db, key, revoked, 'Signed for the wrong council', mo);
  return { db, key, path, kept, revoked, spare };
}

const problems = (db: DatabaseSync, key: SigningKey) => checkAuditLog(db, key).problems;
const statusOf = (db: DatabaseSync, id: string) => checkStoredRecord(db, findRecord(db, id)!);
const script = join(import.meta.dirname, '..', '..', 'scripts', 'audit-verify.ts');

/** What someone with the database but not the key does after editing entries: recompute every hash. */
function rehash(db: DatabaseSync): void {
  let prev = GENESIS;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as unknown as AuditEntry[]) {
    const hash = entryHash(prev, row);
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
    prev = hash;
  }
}

describe('npm run audit:verify', () => {
  it('passes a clean database, printing the head to note outside it', async () => {
    const { db, path, revoked } = await seeded();
    expect(statusOf(db, revoked)).toMatchObject({ status: 'revoked', revocation: { reason: 'Signed for the wrong council', actor: mo } });
    const head = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    db.close();
    const out = execFileSync(process.execPath, [script, '--expect', `${head.id}:${head.hash}`], { env: { ...process.env, COURSE_DB: path }, encoding: 'utf8' });
    expect(out).toContain('Checked 7 audit entries against 3 records, 1 revocations, 1 admins and 3 members');
    expect(out).toContain(`Head: entry ${head.id}`);
    expect(out).toContain(head.hash);
    expect(out).toMatch(/Audit log intact: 7 entries/);
  });

  it('reports a deleted revocation, which otherwise makes the record valid again, and exits 1', async () => {
    const { db, path, revoked } = await seeded();
    db.exec('DROP TRIGGER record_events_append_only_delete');
    db.prepare('DELETE FROM record_events WHERE record_id = ?').run(revoked);
    // The record cannot know it was revoked; the audit log does.
    expect(statusOf(db, revoked).status).toBe('valid');
    db.close();
    const run = spawnSync(process.execPath, [script], { env: { ...process.env, COURSE_DB: path }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Audit log BROKEN: 1 problem');
    expect(run.stderr).toContain(`The audit log revokes record ${revoked} 1 time(s), but the database holds 0 revocation(s): a revocation was deleted`);
  });

  it('refuses to run without the signing key rather than create a new one', async () => {
    const { db, path } = await seeded();
    db.close();
    const run = spawnSync(process.execPath, [script], { env: { ...process.env, COURSE_DB: path, COURSE_SIGNING_KEY: join(dir, 'no-such-key.pem') }, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    const missing = spawnSync(process.execPath, [script], { env: { ...process.env, COURSE_DB: join(dir, 'elsewhere', 'course.db') }, encoding: 'utf8' });
    expect(missing.status).toBe(2);
  });

  it('reports a deleted record', async () => {
    const { db, key, spare } = await seeded();
    db.exec('DROP TRIGGER records_append_only_delete');
    db.prepare('DELETE FROM records WHERE id = ?').run(spare);
    expect(findRecord(db, spare)).toBeUndefined();
    expect(problems(db, key)).toEqual([`The audit log has sign-offs for ${spare}, but no such record exists: deleted from the database.`]);
  });

  it('reports a record credited to a member in the database, or a match made or removed there; an officer\'s match passes', async () => {
    const { db, key, spare, revoked } = await seeded();
    const roster = (db.prepare('SELECT id FROM members ORDER BY id').all() as { id: number }[]).map((m) => m.id);
    expect(matchRecord(db, spare, roster[0]!, mo)).toEqual({ ok: true });
    expect(problems(db, key)).toEqual([]);
    db.prepare('INSERT INTO record_members (record_id, member_id) VALUES (?, ?)').run(revoked, roster[1]!);
    expect(problems(db, key)).toEqual([`Records ${revoked} count for a member who neither signed them through their link nor was matched to them by an officer: changed in the database.`]);
    db.prepare('DELETE FROM record_members WHERE record_id = ?').run(revoked);
    db.exec('DROP TRIGGER record_matches_append_only_delete');
    db.prepare('DELETE FROM record_matches WHERE record_id = ?').run(spare);
    expect(problems(db, key)).toEqual([
      `The audit log matches records ${spare} to members, but the database holds no such match: deleted from the database.`,
      `Records ${spare} count for a member who neither signed them through their link nor was matched to them by an officer: changed in the database.`,
    ]);
  });

  it('reports the last 30 entries deleted when they held a revocation; a noted head catches any cut', async () => {
    const { db, key, revoked } = await seeded();
    for (let i = 0; i < 29; i++) audit(db, mo, 'login', '127.0.0.1');
    db.exec('DROP TRIGGER audit_log_append_only_delete');
    db.exec('DELETE FROM audit_log WHERE id > (SELECT max(id) - 30 FROM audit_log)');
    expect(problems(db, key)).toEqual([`Record ${revoked} has 1 revocation(s) but the audit log has 0: written straight into the database, or the log was cut back.`]);

    // Cutting back past sign-ins only leaves nothing in the database to miss (the documented limit)…
    const clean = await seeded();
    for (let i = 0; i < 30; i++) audit(clean.db, mo, 'login', '127.0.0.1');
    const head = clean.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    clean.db.exec('DROP TRIGGER audit_log_append_only_delete');
    clean.db.exec('DELETE FROM audit_log WHERE id > (SELECT max(id) - 10 FROM audit_log)');
    expect(problems(clean.db, clean.key)).toEqual([]);
    // …so the head noted outside the database is what shows it.
    expect(expectedHeadProblem(clean.db, `${head.id}:${head.hash}`)).toMatch(/is gone: the log was cut back past it/);
    expect(expectedHeadProblem(clean.db, 'nonsense')).toMatch(/is not ENTRY:HASH/);
  });

  it('reports entries rewritten with every hash recomputed, whether the anchors are kept, removed or made with another key', async () => {
    const rewrite = (db: DatabaseSync) => {
      db.exec('DROP TRIGGER audit_log_append_only_update');
      db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE action = 'revoke'").run();
      rehash(db);
    };
    const kept = await seeded();
    rewrite(kept.db);
    expect(problems(kept.db, kept.key)).toEqual([expect.stringMatching(/^Audit entries 7 have an anchor that does not match: rewritten with their hashes recomputed/)]);

    const removed = await seeded();
    rewrite(removed.db);
    removed.db.exec('UPDATE audit_log SET anchor = NULL, anchor_key = NULL');
    expect(problems(removed.db, removed.key)).toEqual([expect.stringMatching(/^The newest audit entry \(7\) has no anchor/)]);

    // Their own key, registered in the database so that every anchor verifies: the head is not the course's.
    const own = await seeded();
    rewrite(own.db);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const theirs = { privateKey, publicKey, keyId: keyIdOf(publicKey), fingerprint: fingerprintOf(publicKey), source: 'attacker' };
    own.db.prepare('INSERT INTO signing_keys (key_id, public_key, created_at) VALUES (?, ?, ?)').run(theirs.keyId, publicKeyPem(publicKey), new Date().toISOString());
    for (const row of own.db.prepare('SELECT id, hash FROM audit_log').all() as { id: number; hash: string }[]) {
      own.db.prepare('UPDATE audit_log SET anchor = ?, anchor_key = ? WHERE id = ?').run(anchorFor(row.id, row.hash, privateKey), theirs.keyId, row.id);
    }
    expect(problems(own.db, own.key)).toEqual([expect.stringMatching(new RegExp(`^The newest audit entry \\(7\\) is anchored by key ${theirs.keyId}, not the configured signing key ${own.key.keyId}`))]);
  });

  it('reports entries written without the signing key after anchoring began', async () => {
    const { db, key, path } = await seeded();
    const keyless = openDatabase(path);
    audit(keyless, mo, 'login', '127.0.0.1');
    keyless.close();
    expect(problems(db, key)).toEqual([
      'Audit entries 8 have no anchor: written without the signing key, or their anchor was removed.',
      expect.stringMatching(/^The newest audit entry \(8\) has no anchor/),
    ]);
  });

  it('reports an edited policy_version (which the dashboard reads) and a record whose body was changed', async () => {
    const { db, key, kept, spare } = await seeded();
    db.exec('DROP TRIGGER records_append_only_update');
    db.prepare("UPDATE records SET policy_version = '0.1', signed_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").run(kept);
    db.prepare("UPDATE records SET body = replace(body, 'Member 3', 'Member 9') WHERE id = ?").run(spare);
    expect(problems(db, key)).toEqual([
      `Record ${kept}: the policy_version, signed_at columns differ from the signed record (edited in the database; the dashboard reads them).`,
      `Record ${spare} does not verify: the signature does not match the record: it was changed after signing, or signed by another key.`,
    ]);
  });

  it('reports admins and members added straight into the database', async () => {
    const { db, key } = await seeded();
    db.prepare("INSERT INTO admins (email, name, password_hash, created_at) VALUES ('eve@example.org', 'Eve', 'x', '2026-01-01')").run();
    db.prepare("INSERT INTO members (email, name, role, ward_or_committee, pack, due_date, created_at, updated_at) VALUES ('x@example.org', 'X', 'councillor', 'W', 'wyre', '2030-01-01', '', '')").run();
    expect(problems(db, key)).toEqual([
      'Admin accounts eve@example.org have no admin-create entry: added straight into the database, or the log was cut back.',
      'The database holds 4 members but the audit log records adding 3: members were added straight into the database, or the log was cut back.',
    ]);
  });
});

describe('signed revocations', () => {
  const insert = (db: DatabaseSync, row: { record: string; reason: string; actor: string; at: string; body: string | null; signature: string | null }) =>
    db.prepare("INSERT INTO record_events (record_id, kind, reason, actor, at, body, signature) VALUES (?, 'revoked', ?, ?, ?, ?, ?)")
      .run(row.record, row.reason, row.actor, row.at, row.body, row.signature);
  const genuine = (db: DatabaseSync, record: string) =>
    db.prepare('SELECT reason, actor, at, body, signature FROM record_events WHERE record_id = ?').get(record) as { reason: string; actor: string; at: string; body: string; signature: string };

  it('a revocation inserted without a signature makes the record invalid, not revoked, and audit:verify fails', async () => {
    const { db, key, spare } = await seeded();
    insert(db, { record: spare, reason: 'Forged', actor: mo, at: new Date().toISOString(), body: null, signature: null });
    expect(statusOf(db, spare)).toEqual({ status: 'invalid', reason: 'its revocation has been tampered with: it is not signed' });
    expect(problems(db, key)).toEqual([
      expect.stringMatching(new RegExp(`^Revocation \\d+ of record ${spare} has been tampered with: it is not signed`)),
      `Record ${spare} has 1 revocation(s) but the audit log has 0: written straight into the database, or the log was cut back.`,
    ]);
  });

  it('a forged signature, a revocation copied from another record, or an edited reason is tampering', async () => {
    const { db, key, revoked, spare, kept } = await seeded();
    const real = genuine(db, revoked);
    insert(db, { record: spare, ...real });
    expect(statusOf(db, spare)).toMatchObject({ status: 'invalid', reason: 'its revocation has been tampered with: it was signed for a different record' });
    const body = real.body.replace(revoked, kept);
    insert(db, { record: kept, ...real, body, signature: Buffer.alloc(64).toString('base64') });
    expect(statusOf(db, kept)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/revocation has been tampered with/) });
    db.exec('DROP TRIGGER record_events_append_only_update');
    db.prepare("UPDATE record_events SET reason = 'Something worse' WHERE record_id = ?").run(revoked);
    expect(statusOf(db, revoked)).toMatchObject({ status: 'invalid', reason: 'its revocation has been tampered with: its reason, author or date was changed after signing' });
    expect(problems(db, key).filter((p) => p.startsWith('Revocation '))).toHaveLength(3);
  });
});

describe('audit actors that come from what a visitor typed (security review row 24)', () => {
  it('are marked typed:, so they cannot pass for an officer', async () => {
    const { db, kept, spare } = await seeded();
    await login(db, 'MO@council.gov.uk', 'not the password', '127.0.0.9');
    const actor = (action: string, subject: string) => (db.prepare('SELECT actor FROM audit_log WHERE action = ? AND subject = ?').get(action, subject) as { actor: string }).actor;
    expect(actor('login-failed', '127.0.0.9')).toBe(`typed:${mo}`);
    expect(actor('sign-off', spare)).toBe('typed:member3@example.org');
    expect(actor('sign-off', kept)).toMatch(/^member:\d+$/);
  });
});
