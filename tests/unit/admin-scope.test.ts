/** Self-service admin accounts, per-admin packs, the audit page's query and COURSE_PACKS (issue 15). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db.ts';
import { createAdmin, login, sessionAdmin } from '../../src/lib/server/admins.ts';
import { accountForLink, changeAdminPacks, disableAdmin, enableAdmin, endSessions, inviteAdmin, isFullAdmin, listAdmins, resetAdminPassword, setPasswordFromLink } from '../../src/lib/server/admin-accounts.ts';
import { othersMembers, scopeOf, setAdminPacks, sees, visibleMembers } from '../../src/lib/server/scope.ts';
import { auditPage, membersMatching, PAGE_SIZE } from '../../src/lib/server/audit-log.ts';
import { archiveMember, importRoster, listMembers, regenerateLink } from '../../src/lib/server/members.ts';
import { audit, verifyAuditChain } from '../../src/lib/server/audit.ts';
import { isServed, packOfPath, servedPacks, unknownServed } from '../../src/lib/served-packs.ts';
import { detailText } from '../../src/lib/audit-actions.ts';

const dir = mkdtempSync(join(tmpdir(), 'admin-scope-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => openDatabase(join(dir, `t${++n}.db`));
const password = 'correct horse battery staple';
const member = (name: string, email: string, pack: string) => ({ name, email, role: 'councillor' as const, wardOrCommittee: pack === 'wyre' ? 'Rossall' : 'Kirkby', pack, dueDate: '2030-01-31' });

describe('COURSE_PACKS', () => {
  it('names the packs served (none: all), and which addresses belong to a pack', () => {
    expect(servedPacks(undefined)).toBeUndefined();
    expect(servedPacks(' ')).toBeUndefined();
    expect([...servedPacks('wyre, ashfield')!]).toEqual(['wyre', 'ashfield']);
    expect(isServed('ashfield', servedPacks('wyre'))).toBe(false);
    expect(isServed('ashfield', undefined)).toBe(true);
    expect(unknownServed(['wyre', 'ashfield'], servedPacks('wyre,wyer'))).toEqual(['wyer']);
    const built = new Set(['wyre', 'ashfield']);
    expect(packOfPath('/ashfield/lessons/libel/', built)).toBe('ashfield');
    expect(packOfPath('/scorm/ashfield/index.html', built)).toBe('ashfield');
    expect(packOfPath('/ashfield?x=1', built)).toBe('ashfield');
    expect(packOfPath('/admin/', built)).toBeUndefined();
    expect(packOfPath('/_astro/x.js', built)).toBeUndefined();
  });
});

describe('per-admin packs', () => {
  it('limits an admin to their packs, within the packs served; none listed sees every pack', async () => {
    const db = fresh();
    const full = await createAdmin(db, { email: 'full@example.org', name: 'Full', password }, 'test');
    const wyre = await createAdmin(db, { email: 'wyre@example.org', name: 'Wyre', password }, 'test');
    setAdminPacks(db, wyre, ['wyre']);
    expect(scopeOf(db, full, undefined)).toBeUndefined();
    expect([...scopeOf(db, wyre, undefined)!]).toEqual(['wyre']);
    expect([...scopeOf(db, full, new Set(['ashfield']))!]).toEqual(['ashfield']);
    expect([...scopeOf(db, wyre, new Set(['ashfield']))!]).toEqual([]);
    importRoster(db, [member('Ann Wyre', 'ann@example.org', 'wyre'), member('Bob Ash', 'bob@example.org', 'ashfield')], 'test');
    const scope = scopeOf(db, wyre, undefined);
    expect(visibleMembers(scope, listMembers(db)).map((m) => m.name)).toEqual(['Ann Wyre']);
    expect(sees(scope, 'ashfield')).toBe(false);
    // An import may not take over another pack's member by email.
    expect(othersMembers(db, scope, ['bob@example.org', 'ann@example.org', 'new@example.org'])).toEqual(['bob@example.org']);
    expect(othersMembers(db, undefined, ['bob@example.org'])).toEqual([]);
  });
});

describe('admin accounts', { timeout: 30_000 }, () => {
  it('an invited colleague signs in only after setting a password through their link, which works once', async () => {
    const db = fresh();
    const first = await createAdmin(db, { email: 'mo@example.org', name: 'Morag', password }, 'test');
    const { id, token } = inviteAdmin(db, { email: 'Deputy@Example.org', name: 'Dee Puty', packs: ['wyre'] }, 'mo@example.org');
    expect(listAdmins(db).find((a) => a.id === id)).toMatchObject({ email: 'deputy@example.org', awaitingPassword: true, packs: ['wyre'] });
    expect((await login(db, 'deputy@example.org', '!', '10.0.0.1')).ok).toBe(false);
    expect(accountForLink(db, token)?.id).toBe(id);
    expect(accountForLink(db, token, new Date(Date.now() + 73 * 3_600_000))).toBeUndefined();
    expect(await setPasswordFromLink(db, token, password)).toBeDefined();
    expect(await setPasswordFromLink(db, token, 'another long password')).toBeUndefined();
    expect((await login(db, 'deputy@example.org', password, '10.0.0.1')).ok).toBe(true);
    expect(isFullAdmin(db, id)).toBe(false);
    expect(isFullAdmin(db, first)).toBe(true);
    expect(() => inviteAdmin(db, { email: 'deputy@example.org', name: 'Again', packs: [] }, 'mo@example.org')).toThrow(/can already sign in/);
  });

  it('a reset ends the old password and sessions; disabling ends sessions and sign-in; re-enabling restores it', async () => {
    const db = fresh();
    const mo = await createAdmin(db, { email: 'mo@example.org', name: 'Morag', password }, 'test');
    const other = await createAdmin(db, { email: 'ola@example.org', name: 'Ola', password }, 'test');
    const session = await login(db, 'ola@example.org', password, '10.0.0.2');
    if (!session.ok) throw new Error('no session');
    const token = resetAdminPassword(db, other, 'mo@example.org');
    expect(sessionAdmin(db, session.token)).toBeUndefined();
    expect((await login(db, 'ola@example.org', password, '10.0.0.2')).ok).toBe(false);
    await setPasswordFromLink(db, token, 'a brand new passphrase');
    const again = await login(db, 'ola@example.org', 'a brand new passphrase', '10.0.0.2');
    if (!again.ok) throw new Error('no session');
    disableAdmin(db, other, mo, 'mo@example.org');
    expect(sessionAdmin(db, again.token)).toBeUndefined();
    expect((await login(db, 'ola@example.org', 'a brand new passphrase', '10.0.0.3')).ok).toBe(false);
    enableAdmin(db, other, 'mo@example.org');
    expect((await login(db, 'ola@example.org', 'a brand new passphrase', '10.0.0.4')).ok).toBe(true);
    expect(endSessions(db, other, 'mo@example.org')).toBe(1);
  });

  it('nobody disables themselves, and the last full admin is neither disabled nor limited', async () => {
    const db = fresh();
    const mo = await createAdmin(db, { email: 'mo@example.org', name: 'Morag', password }, 'test');
    const limited = await createAdmin(db, { email: 'lim@example.org', name: 'Lim', password }, 'test');
    changeAdminPacks(db, limited, ['wyre'], 'mo@example.org');
    expect(() => disableAdmin(db, mo, mo, 'mo@example.org')).toThrow(/your own account/);
    expect(() => disableAdmin(db, mo, limited, 'lim@example.org')).toThrow(/only admin who sees every course/);
    expect(() => changeAdminPacks(db, mo, ['wyre'], 'lim@example.org')).toThrow(/only admin who sees every course/);
    changeAdminPacks(db, limited, [], 'mo@example.org');
    disableAdmin(db, mo, limited, 'lim@example.org');
    expect(listAdmins(db).find((a) => a.id === mo)?.disabledAt).toBeTruthy();
  });

  it('audits every change, and the chain still verifies', async () => {
    const db = fresh();
    const mo = await createAdmin(db, { email: 'mo@example.org', name: 'Morag', password }, 'test');
    const { id, token } = inviteAdmin(db, { email: 'dee@example.org', name: 'Dee', packs: [] }, 'mo@example.org');
    await setPasswordFromLink(db, token, password);
    resetAdminPassword(db, id, 'mo@example.org');
    changeAdminPacks(db, id, ['wyre'], 'mo@example.org');
    endSessions(db, id, 'mo@example.org');
    disableAdmin(db, id, mo, 'mo@example.org');
    enableAdmin(db, id, 'mo@example.org');
    const actions = (db.prepare("SELECT action FROM audit_log WHERE action LIKE 'admin-%' ORDER BY id").all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['admin-create', 'admin-create', 'admin-password-set', 'admin-reset', 'admin-packs', 'admin-sessions-end', 'admin-disable', 'admin-enable']);
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});

describe('the audit page\'s query', () => {
  it('filters by member, action and date, pages newest first, and keeps a limited admin to their packs', async () => {
    const db = fresh();
    await createAdmin(db, { email: 'mo@example.org', name: 'Morag', password }, 'test');
    importRoster(db, [member('Ann Wyre', 'ann@example.org', 'wyre'), member('Bob Ash', 'bob@example.org', 'ashfield')], 'mo@example.org', new Date('2026-11-01T10:00:00Z'));
    const [ann, bob] = ['ann@example.org', 'bob@example.org'].map((e) => listMembers(db).find((m) => m.email === e)!.id);
    regenerateLink(db, ann!, 'mo@example.org', new Date('2026-11-02T10:00:00Z'));
    regenerateLink(db, bob!, 'mo@example.org', new Date('2026-11-03T10:00:00Z'));
    archiveMember(db, bob!, 'mo@example.org', new Date('2026-11-04T10:00:00Z'));
    audit(db, 'lim@example.org', 'login', '10.0.0.9', {}, new Date('2026-11-05T10:00:00Z'));
    const all = auditPage(db, {}, undefined, 'mo@example.org');
    expect(all.rows[0]!.action).toBe('login');
    expect(auditPage(db, { members: [bob!] }, undefined, 'x').rows.map((r) => r.action)).toEqual(['member-archive', 'link-regenerate']);
    expect(auditPage(db, { members: [] }, undefined, 'x').total).toBe(0);
    expect(auditPage(db, { action: 'link-regenerate' }, undefined, 'x').total).toBe(2);
    expect(auditPage(db, { from: '2026-11-02', to: '2026-11-03' }, undefined, 'x').rows.map((r) => r.subject)).toEqual([String(bob), String(ann)]);
    // Limited to Wyre: Ann's entries and their own, never Bob's.
    const limited = auditPage(db, {}, new Set(['wyre']), 'lim@example.org');
    expect(limited.rows.map((r) => `${r.action} ${r.subject}`)).toEqual(['login 10.0.0.9', `link-regenerate ${ann}`]);
    expect(membersMatching(db, 'ASH', new Set(['wyre']))).toEqual([]);
    expect(membersMatching(db, 'ash', undefined).map((m) => m.name)).toEqual(['Bob Ash']);
    expect(membersMatching(db, '%', undefined)).toEqual([]);
    for (let i = 0; i < PAGE_SIZE + 5; i++) audit(db, 'mo@example.org', 'logout', 'mo@example.org');
    const second = auditPage(db, { page: 2 }, undefined, 'x');
    expect(second.page).toBe(2);
    expect(second.rows.length).toBe(all.total + PAGE_SIZE + 5 - PAGE_SIZE);
    expect(auditPage(db, { page: 99 }, undefined, 'x').page).toBe(second.pages);
  });

  it('reads an entry\'s detail as words', () => {
    expect(detailText('{"added":2,"updated":0}')).toBe('added: 2; updated: 0');
    expect(detailText('{"packs":[],"policyVersion":"1.0"}')).toBe('packs: none; policy version: 1.0');
    expect(detailText('{}')).toBe('');
  });
});
