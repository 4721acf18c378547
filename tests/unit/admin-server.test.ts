import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db.ts';
import { createAdmin, login, sessionAdmin, sessionCookieOptions, createSetupToken, setupTokenValid, useSetupToken, IDLE_MINUTES } from '../../src/lib/server/admins.ts';
import { audit, verifyAuditChain } from '../../src/lib/server/audit.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/lib/server/passwords.ts';
import { importRoster, listMembers, memberByLink, regenerateLink } from '../../src/lib/server/members.ts';

const dir = mkdtempSync(join(tmpdir(), 'admin-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => openDatabase(join(dir, `t${++n}.db`));
const minutes = (m: number) => m * 60_000;

describe('passwords', () => {
  it('are salted scrypt hashes that verify only the right password', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', a)).toBe(false);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });
});

describe('new passwords (security review row 14)', () => {
  it('refuses short, blank, one-character and common passwords, and accepts three random words', () => {
    for (const weak of ['short', ' '.repeat(12), `  ${'x'.repeat(10)}  `, 'aaaaaaaaaaaa', 'abababababab', '123456789012', 'password1234', 'Password123!', 'qwertyuiop12', 'passwordpassword', 'Welcome2026!!', 'council12345']) {
      expect(passwordProblem(weak), JSON.stringify(weak)).toBeTypeOf('string');
    }
    for (const good of ['correct horse battery', 'Heron-Lantern-Quarry', 'tide pools at Fleetwood']) expect(passwordProblem(good), good).toBeUndefined();
  });
});

describe('sign-in, lockout and sessions', () => {
  // The per-account rule steps back rather than locking for 15 minutes (security review row 4; tests/unit/login-lock.test.ts).
  it('five failures slow the account for a minute everywhere, and lock an address for 15 minutes', async () => {
    const db = fresh();
    await createAdmin(db, { email: 'mo@example.org', name: 'MO', password: 'a long password 1' }, 'test');
    const t0 = new Date('2026-11-21T10:00:00Z');
    for (let i = 0; i < 5; i++) expect((await login(db, 'MO@example.org', 'wrong', `10.0.0.${i}`, t0)).ok).toBe(false);
    expect(await login(db, 'mo@example.org', 'a long password 1', '10.0.0.9', t0)).toMatchObject({ ok: false, status: 429, message: expect.stringContaining('try again after 10:01') });
    const later = new Date(t0.getTime() + minutes(1) + 1000);
    expect(await login(db, 'mo@example.org', 'a long password 1', '10.0.0.9', later)).toMatchObject({ ok: true });
    // Per address: five failures on made-up accounts lock that address for everyone.
    for (let i = 0; i < 5; i++) await login(db, `x${i}@example.org`, 'wrong', '10.9.9.9', later);
    expect(await login(db, 'mo@example.org', 'a long password 1', '10.9.9.9', later)).toMatchObject({ ok: false, status: 429, message: expect.stringContaining('from your address') });
    expect(await login(db, 'mo@example.org', 'a long password 1', '10.9.9.8', later)).toMatchObject({ ok: true });
  }, 30_000);

  it('sessions end after 30 idle minutes or 8 hours, whichever comes first', async () => {
    const db = fresh();
    await createAdmin(db, { email: 'mo@example.org', name: 'MO', password: 'a long password 1' }, 'test');
    const t0 = new Date('2026-11-21T08:00:00Z');
    const result = await login(db, 'mo@example.org', 'a long password 1', '1.1.1.1', t0);
    if (!result.ok) throw new Error('login failed');
    let t = t0.getTime();
    // 16 visits 29 minutes apart: 7 h 44 min, still live; the 17th (8 h 13 min) is past 8 hours.
    for (let i = 0; i < 16; i++) {
      t += minutes(IDLE_MINUTES - 1);
      expect(sessionAdmin(db, result.token, new Date(t)), `after ${i + 1} visits`).toMatchObject({ email: 'mo@example.org' });
    }
    t += minutes(IDLE_MINUTES - 1);
    expect(sessionAdmin(db, result.token, new Date(t))).toBeUndefined(); // past 8 hours
    const again = await login(db, 'mo@example.org', 'a long password 1', '1.1.1.1', t0);
    if (!again.ok) throw new Error('login failed');
    expect(sessionAdmin(db, again.token, new Date(t0.getTime() + minutes(IDLE_MINUTES + 1)))).toBeUndefined();
    expect(sessionAdmin(db, 'not-a-token')).toBeUndefined();
  }, 30_000);

  it('sets Secure on the cookie when served over HTTPS', () => {
    expect(sessionCookieOptions(new URL('https://learning.example.gov.uk/admin/'))).toMatchObject({ httpOnly: true, sameSite: 'strict', secure: true });
    expect(sessionCookieOptions(new URL('http://127.0.0.1:4321/admin/')).secure).toBe(false);
  });

  it('a setup link works once, for 30 minutes, and only while no admin exists', async () => {
    const db = fresh();
    const t0 = new Date('2026-11-21T08:00:00Z');
    const token = createSetupToken(db, t0);
    expect(setupTokenValid(db, token, new Date(t0.getTime() + minutes(29)))).toBe(true);
    expect(setupTokenValid(db, token, new Date(t0.getTime() + minutes(31)))).toBe(false);
    useSetupToken(db, token, t0);
    expect(setupTokenValid(db, token, t0)).toBe(false);
    const other = createSetupToken(db, t0);
    await createAdmin(db, { email: 'a@example.org', name: 'A', password: 'a long password 1' }, 'test');
    expect(setupTokenValid(db, other, t0)).toBe(false);
  });
});

describe('audit log', () => {
  it('chains entries and names the first changed or removed one', () => {
    const db = fresh();
    for (let i = 0; i < 5; i++) audit(db, 'mo', 'login', `entry ${i}`);
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 5 });
    expect(() => db.prepare('UPDATE audit_log SET actor = ? WHERE id = 3').run('x')).toThrow(/append-only/);
    db.exec('DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;');
    db.prepare("UPDATE audit_log SET subject = 'changed' WHERE id = 3").run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/changed/) });
    const db2 = fresh();
    for (let i = 0; i < 5; i++) audit(db2, 'mo', 'login', `entry ${i}`);
    db2.exec('DROP TRIGGER audit_log_append_only_delete');
    db2.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyAuditChain(db2)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/removed or reordered/) });
  });
});

describe('roster', () => {
  it('re-importing updates members matched by email; a new link replaces the old', () => {
    const db = fresh();
    const m = { name: 'Siân', email: 'sian@example.org', role: 'councillor' as const, wardOrCommittee: 'Garstang', pack: 'wyre', dueDate: '2026-12-31' };
    expect(importRoster(db, [m], 'mo')).toEqual({ added: 1, updated: 0 });
    expect(importRoster(db, [{ ...m, email: 'SIAN@example.org', wardOrCommittee: 'Preesall' }], 'mo')).toEqual({ added: 0, updated: 1 });
    const [row] = listMembers(db);
    expect(row).toMatchObject({ email: 'sian@example.org', ward_or_committee: 'Preesall' });
    const first = regenerateLink(db, row!.id, 'mo');
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(memberByLink(db, first)?.id).toBe(row!.id);
    const second = regenerateLink(db, row!.id, 'mo');
    expect(memberByLink(db, first)).toBeUndefined();
    expect(memberByLink(db, second)?.id).toBe(row!.id);
    expect(db.prepare('SELECT count(*) AS n FROM members WHERE link_hash = ?').get(second)).toEqual({ n: 0 });
  });
});
