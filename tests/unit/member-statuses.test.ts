/**
 * Kept member statuses (issue 17): after any sequence of the events that change a status, and any
 * passage of time or change of policy, the kept row is exactly what member-status.ts computes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { memberStatus, statusUntil, type StatusInput } from '../../src/lib/member-status.ts';
import { withStatus, type PackInfo } from '../../src/lib/server/dashboard.ts';
import { refreshStatuses } from '../../src/lib/server/member-statuses.ts';
import { archiveMembers, importRoster, listMembers, restoreMember, saveMember } from '../../src/lib/server/members.ts';
import { createAttempt, findAttempt, pruneAttempts, submitAttempt } from '../../src/lib/server/attempts.ts';
import { revokeRecord } from '../../src/lib/server/records.ts';
import { matchRecord } from '../../src/lib/server/identity.ts';
import { recordEvents } from '../../src/lib/server/progress-events.ts';
import { courseFor } from './support/course.ts';
import { keyedDatabase, storeTestRecord } from './support/records.ts';
import { openDatabase } from '../../src/lib/server/db.ts';
import { registerKey } from '../../src/lib/server/keys.ts';

const dir = mkdtempSync(join(tmpdir(), 'member-statuses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
// One signing key; each run its own database in memory (no disk syncs: a hundred runs take seconds).
const { key } = keyedDatabase(join(dir, 'key', 'course.db'));

const DAY = 86_400_000;
const version = courseFor('wyre').pack.pack.policy.version;
/** The packs as built: two variants of each, so a "new build" changes policy, content or refresh period. */
const builds: Map<string, PackInfo>[] = [
  new Map([['wyre', { policyVersion: version, contentHash: 'x', refreshMonths: 12 }], ['ashfield', { policyVersion: '1', contentHash: 'a', refreshMonths: 24 }]]),
  new Map([['wyre', { policyVersion: version, contentHash: 'y', refreshMonths: 12 }], ['ashfield', { policyVersion: '1', contentHash: 'a', refreshMonths: 24 }]]),
  new Map([['wyre', { policyVersion: version, contentHash: 'x', refreshMonths: 1 }]]),
];
const PACKS = ['wyre', 'ashfield', 'retired'] as const;
const EMAILS = ['ann@example.org', 'bob@example.org', 'cat@example.org', 'dai@example.org'];

const dueDate = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * DAY).toISOString().slice(0, 10);
const roster = (email: string, pack: string, due: number) => ({ name: `Member ${email}`, email, role: 'councillor' as const, wardOrCommittee: 'Rossall', pack, dueDate: dueDate(due) });

const who = fc.integer({ min: 0, max: EMAILS.length - 1 });
const PASS = { answers: [], correct: 9, total: 10, percent: 90, passMark: 80, passed: true };
const often = <T,>(arbitrary: fc.Arbitrary<T>) => ({ arbitrary, weight: 3 });
const step = fc.oneof(
  fc.record({ kind: fc.constant('import' as const), who, pack: fc.constantFrom(...PACKS), due: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ kind: fc.constant('edit' as const), who, pack: fc.constantFrom(...PACKS), due: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ kind: fc.constant('archive' as const), who }),
  fc.record({ kind: fc.constant('restore' as const), who }),
  often(fc.record({ kind: fc.constant('progress' as const), who, item: fc.integer({ min: 0, max: 3 }) })),
  often(fc.record({ kind: fc.constant('attempt' as const), who, passed: fc.boolean(), submit: fc.boolean() })),
  often(fc.record({ kind: fc.constant('sign' as const), who, hash: fc.constantFrom('x', 'y') })),
  often(fc.record({ kind: fc.constant('sign-anonymously' as const), hash: fc.constantFrom('x', 'y') })),
  often(fc.record({ kind: fc.constant('match' as const), who })),
  often(fc.record({ kind: fc.constant('revoke' as const), which: fc.nat() })),
  often(fc.record({ kind: fc.constant('prune' as const) })),
  often(fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 400 }) })),
  fc.record({ kind: fc.constant('rebuild' as const), build: fc.integer({ min: 0, max: builds.length - 1 }) }),
  often(fc.record({ kind: fc.constant('read' as const) })),
);

/** The kept rows, and what member-status.ts computes from the database now: they must be equal. */
function keptAndComputed(db: DatabaseSync, packs: Map<string, PackInfo>, now: Date) {
  const kept = db.prepare(`SELECT s.member_id AS id, s.status, s.detail, s.expires_on AS expiresOn, s.started_at, s.passed_unsigned, s.record_id,
    s.signed_at, s.policy_version, s.content_hash, s.best_score, s.revoked_at FROM member_status s ORDER BY s.member_id`).all();
  const computed = withStatus(listMembers(db, { includeArchived: true }), packs, now)
    .map(({ id, status, detail, expiresOn, started_at, passed_unsigned, record_id, signed_at, policy_version, content_hash, best_score, revoked_at }) =>
      ({ id, status, detail, expiresOn, started_at, passed_unsigned, record_id, signed_at, policy_version, content_hash, best_score, revoked_at }))
    .sort((a, b) => a.id - b.id);
  return { kept, computed };
}

describe('kept statuses', () => {
  it('equal what member-status.ts computes after any events, waits and rebuilds', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 15 }), (steps) => {
      const db = openDatabase(':memory:');
      registerKey(db, key);
      let now = new Date(Date.UTC(2026, 0, 1, 9));
      let packs = builds[0]!;
      let records = 0;
      importRoster(db, EMAILS.map((e, i) => roster(e, i < 3 ? 'wyre' : 'ashfield', 30 * i)), 'test', now);
      const id = (i: number) => (db.prepare('SELECT id FROM members WHERE email = ?').get(EMAILS[i]!) as { id: number } | undefined)?.id;
      const later = () => (now = new Date(now.getTime() + 60_000));
      for (const s of steps) {
        later();
        const member = 'who' in s ? id(s.who) : undefined;
        switch (s.kind) {
          case 'import': importRoster(db, [roster(EMAILS[s.who]!, s.pack, s.due)], 'test', now); break;
          case 'edit': if (member) saveMember(db, member, roster(EMAILS[s.who]!, s.pack, s.due), 'test', now); break;
          case 'archive': if (member) archiveMembers(db, [member], 'test', now); break;
          case 'restore': if (member) restoreMember(db, member, 'test', now); break;
          case 'progress': if (member) recordEvents(db, member, [{ kind: 'lesson', item: `lesson-${s.item}`, correct: null }], now); break;
          case 'attempt': {
            if (!member) break;
            const attempt = findAttempt(db, createAttempt(db, 'wyre', [], now, member))!;
            if (s.submit) submitAttempt(db, attempt.id, { answers: [], correct: s.passed ? 9 : 3, total: 10, percent: 0, passMark: 80, passed: s.passed }, now);
            break;
          }
          case 'sign': {
            // Through the member's link: a passed attempt (theirs, or a new one), then the record.
            if (!member) break;
            const unused = db.prepare(`SELECT id FROM attempts a WHERE member_id = ? AND passed = 1
              AND NOT EXISTS (SELECT 1 FROM records r WHERE r.attempt_id = a.id)`).get(member) as { id: string } | undefined;
            const attempt = unused?.id ?? findAttempt(db, createAttempt(db, 'wyre', [], now, member))!.id;
            if (!unused) submitAttempt(db, attempt, PASS, now);
            storeTestRecord(db, key, ++records, member, { attemptId: attempt, signedAt: now, contentHash: s.hash });
            break;
          }
          case 'sign-anonymously': {
            const attempt = findAttempt(db, createAttempt(db, 'wyre', [], now))!.id;
            submitAttempt(db, attempt, PASS, now);
            storeTestRecord(db, key, ++records, undefined, { attemptId: attempt, signedAt: now, contentHash: s.hash });
            break;
          }
          case 'match': {
            const unmatched = db.prepare('SELECT id FROM records r WHERE NOT EXISTS (SELECT 1 FROM record_members rm WHERE rm.record_id = r.id) LIMIT 1').get() as { id: string } | undefined;
            if (unmatched && member) matchRecord(db, unmatched.id, member, 'test', now);
            break;
          }
          case 'revoke': {
            const all = db.prepare('SELECT id FROM records ORDER BY id').all() as { id: string }[];
            if (all.length) revokeRecord(db, key, all[s.which % all.length]!.id, 'Test', 'test', now);
            break;
          }
          case 'prune': pruneAttempts(db, new Date(now.getTime() + 2 * DAY)); break;
          case 'wait': now = new Date(now.getTime() + s.days * DAY); break;
          case 'rebuild': packs = builds[s.build]!; break;
          case 'read': refreshStatuses(db, packs, now); break;
        }
      }
      refreshStatuses(db, packs, now);
      const { kept, computed } = keptAndComputed(db, packs, now);
      db.close();
      expect(kept).toEqual(computed);
    }), { numRuns: 100 });
  }, 60_000);

  it('recompute nothing when nothing changed, and only the member an event touched', () => {
    const { db } = keyedDatabase(join(dir, `one${++n}`, 'course.db'));
    const now = new Date('2026-03-01T09:00:00Z');
    importRoster(db, EMAILS.map((e) => roster(e, 'wyre', 100)), 'test', now);
    expect(refreshStatuses(db, builds[0]!, now)).toBe(EMAILS.length);
    expect(refreshStatuses(db, builds[0]!, now)).toBe(0);
    const ann = listMembers(db).find((m) => m.email === EMAILS[0])!.id;
    recordEvents(db, ann, [{ kind: 'lesson', item: 'a', correct: null }], now);
    expect(refreshStatuses(db, builds[0]!, now)).toBe(1);
    // A later event does not change when Ann started.
    recordEvents(db, ann, [{ kind: 'lesson', item: 'b', correct: null }], new Date(now.getTime() + DAY));
    expect(refreshStatuses(db, builds[0]!, now)).toBe(0);
    // The due date passing recomputes every member due that day; a new build of their pack, all of them.
    expect(refreshStatuses(db, builds[0]!, new Date(Date.parse(dueDate(101))))).toBe(EMAILS.length);
    expect(refreshStatuses(db, builds[1]!, new Date(Date.parse(dueDate(101))))).toBe(EMAILS.length);
    expect(db.prepare("SELECT count(*) AS n FROM member_status WHERE status = 'overdue'").get()).toEqual({ n: EMAILS.length });
    db.close();
  });
});

describe('statusUntil', () => {
  const day = fc.integer({ min: 0, max: 1500 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * DAY));
  const input = fc.record({
    due: day, start: fc.option(day), passedUnsigned: fc.boolean(), revoked: fc.option(day),
    signed: fc.option(fc.record({ at: day, hash: fc.constantFrom('a', 'b'), version: fc.constantFrom('1', '2') })),
    refreshMonths: fc.integer({ min: 1, max: 36 }), now: day, ms: fc.integer({ min: 0, max: DAY - 1 }),
  }).map((r): StatusInput => ({
    dueDate: r.due.toISOString().slice(0, 10), startedAt: r.start?.toISOString() ?? null, passedUnsigned: r.passedUnsigned,
    revokedAt: r.revoked?.toISOString() ?? null,
    latestRecord: r.signed ? { signedAt: r.signed.at.toISOString(), policyVersion: r.signed.version, contentHash: r.signed.hash } : null,
    pack: { policyVersion: '1', contentHash: 'a', refreshMonths: r.refreshMonths }, now: new Date(r.now.getTime() + r.ms),
  }));

  it('is the first day the status or its reason changes; before it nothing does, and without it nothing ever does', () => {
    fc.assert(fc.property(input, fc.integer({ min: 1, max: 2000 }), (i, ahead) => {
      const now = memberStatus(i);
      const until = statusUntil(i);
      const at = (date: Date) => memberStatus({ ...i, now: date });
      const later = new Date(i.now.getTime() + ahead * DAY);
      if (until === null || later.toISOString().slice(0, 10) < until) expect(at(later)).toEqual(now);
      if (until !== null) {
        expect(until > i.now.toISOString().slice(0, 10)).toBe(true);
        expect(at(new Date(`${until}T00:00:00Z`))).not.toEqual(now);
        expect(at(new Date(Date.parse(`${until}T00:00:00Z`) - 1))).toEqual(now);
      }
    }), { numRuns: 500 });
  });
});
