/** `npm run backup`: a copy made while another connection is writing restores, and every record in it verifies. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db.ts';
import { loadSigningKey, registerKey } from '../../src/lib/server/keys.ts';
import { createAttempt, findAttempt } from '../../src/lib/server/attempts.ts';
import { checkStoredRecord, findRecord, storeRecord } from '../../src/lib/server/records.ts';
import { composeRecord } from '../../src/lib/record.ts';
import { rescore } from '../../src/lib/rescore.ts';
import { scoreAssessment } from '../../src/lib/assessment.ts';
import { courseFor, perfectProgress } from './support/course.ts';

const dir = mkdtempSync(join(tmpdir(), 'backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run backup', () => {
  it('copies the live database; the restored copy holds every record, and each verifies', () => {
    process.env.COURSE_DB = join(dir, 'live', 'course.db');
    delete process.env.COURSE_SIGNING_KEY;
    const db = openDatabase();
    const key = loadSigningKey();
    registerKey(db, key);
    const wyre = courseFor('wyre');
    const rescored = rescore(wyre, perfectProgress(wyre));
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const attempt = findAttempt(db, createAttempt(db, 'wyre', []))!;
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      storeRecord(db, key, `submission-${i}`, () => composeRecord({
        id, signedAt: new Date(), keyId: key.keyId, route: { kind: 'induction', previousRecord: null, lessons: [] }, member: { name: `Member ${i}`, role: 'councillor', wardOrCommittee: 'Ward', email: null }, identity: 'self-declared',
        pack: wyre.pack.pack, lessons: [], contentHash: 'x', rescored, attempt: { id: attempt.id, score: scoreAssessment([], {}, 80) },
      }));
      ids.push(id);
    }
    // The "server" keeps its connection open (and a read transaction going) while the backup runs.
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM records').get();
    const copy = join(dir, 'copy.db');
    const out = execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'backup.ts'), copy], { env: process.env, encoding: 'utf8' });
    db.exec('COMMIT');
    expect(out).toMatch(/50 sign-off records, integrity ok/);
    const restored = openDatabase(copy);
    for (const id of ids) expect(checkStoredRecord(restored, findRecord(restored, id)!).status, id).toBe('valid');
    restored.close();
    db.close();
    // Readable by its owner only: it holds password hashes, sessions and the roster (security review row 23).
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    // Never overwrites an earlier backup.
    expect(() => execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'backup.ts'), copy], { env: process.env, stdio: 'pipe' })).toThrow();
    delete process.env.COURSE_DB;
  });
});
