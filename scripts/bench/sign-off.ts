/**
 * The sign-off figures for `npm run bench` (section 3): throughput and latency at 1, 16 and 64
 * connections, against the rate of raw durable inserts of a record-sized row measured in the same run
 * (one insert per transaction, WAL, synchronous=FULL: the disk's limit for one acknowledged write).
 * The budgets (issue 17): at 16 connections at least half that rate and p99 at most 50 ms; at 64, no
 * request over 1 s. Run alone against the built server: `node scripts/bench/sign-off.ts`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type autocannon from 'autocannon';
import { load, ms, type LoadFigures } from './load.ts';
import { openDatabase } from '../../src/lib/server/db.ts';
import { createAttempt, findAttempt, submitAttempt } from '../../src/lib/server/attempts.ts';
import { drawQuestions, scoreAssessment } from '../../src/lib/assessment.ts';
import { loadAssessment, loadFlowchart, loadPacks } from '../../src/lib/load.ts';
import { freePort, startServer, stopServer } from '../../tests/e2e/spawn-server.ts';
import { courseFor, perfectProgress } from '../../tests/unit/support/course.ts';

const root = join(import.meta.dirname, '..', '..');

/** Passed Wyre attempts, each good for one sign-off; returns their tokens. */
export function seedAttempts(db: DatabaseSync, count: number): string[] {
  const pack = loadPacks(root).find((p) => p.pack.id === 'wyre')!;
  const bank = loadAssessment(root, pack, loadFlowchart(root));
  const tokens: string[] = [];
  db.exec('BEGIN');
  for (let i = 0; i < count; i++) {
    const drawn = drawQuestions(bank, 10, (k) => Math.floor(Math.random() * k));
    const token = createAttempt(db, 'wyre', drawn);
    const questions = drawn.map((id) => bank.find((q) => q.id === id)!);
    submitAttempt(db, findAttempt(db, token)!.id, scoreAssessment(questions, Object.fromEntries(questions.map((q) => [q.id, q.options.flatMap((o, n) => (o.correct ? [n] : []))])), 80));
    tokens.push(token);
  }
  db.exec('COMMIT');
  return tokens;
}

/** Durable inserts per second of `row` into a fresh WAL database in `dir`, one transaction each, for `seconds`. */
export function rawDurableInserts(dir: string, row: { body: string; signature: string }, seconds = 3): number {
  const path = join(dir, `raw-${randomBytes(4).toString('hex')}.db`);
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL, signature TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (body, signature) VALUES (?, ?)');
  let n = 0;
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    insert.run(row.body, row.signature);
    n++;
  }
  db.close();
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  return n / seconds;
}

export interface SignOffBench {
  levels: LoadFigures[];
  recordBytes: number;
  /** Measured before and after the sign-off runs; the ceiling is the higher. */
  rawInsertsPerSecond: { before: number; after: number; ceiling: number };
  ratioAt16: number;
  ratioOfRawCeiling: number;
  p99At16: number;
  maxAt64: number;
  budgets: { ratioAt16: 0.5; p99At16Ms: 50; maxAt64Ms: 1000 };
  withinBudget: boolean;
}

/** Sign-offs against the server at `base` (its database at `dbPath`), each with a fresh token from `tokens`. */
export async function benchSignOff(base: string, dbPath: string, tokens: readonly string[], seconds = 5): Promise<SignOffBench> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-raw-'));
  const progress = JSON.stringify(perfectProgress(courseFor('wyre')));
  let next = 0;
  const signOff: autocannon.Request = {
    method: 'POST', path: '/sign-off/',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    setupRequest: (req: autocannon.Request) => ({
      ...req,
      body: new URLSearchParams({
        pack: 'wyre', attempt: tokens[next++ % tokens.length]!, submission: randomBytes(16).toString('base64url'), name: 'Siân Ŵyn Llŷr', role: 'councillor',
        wardOrCommittee: 'Garstang', email: '', declaration: 'agreed', progress,
      }).toString(),
    }),
  };
  // A record-sized row: a record the server has not stored yet cannot be read, so store one first.
  await load(base, 'POST /sign-off/ (warm-up)', 1, 1, signOff);
  const real = new DatabaseSync(dbPath, { readOnly: true });
  const row = real.prepare('SELECT body, signature FROM records LIMIT 1').get() as { body: string; signature: string };
  real.close();
  const before = rawDurableInserts(dir, row);
  const levels: LoadFigures[] = [];
  for (const c of [1, 16, 64]) levels.push(await load(base, 'POST /sign-off/', c, seconds, signOff));
  const after = rawDurableInserts(dir, row);
  rmSync(dir, { recursive: true, force: true });
  if (next > tokens.length) console.log(`Warning: ${next} sign-offs sent with ${tokens.length} attempts: some were refused as already used (409).`);
  const ceiling = Math.max(before, after);
  const [, at16, at64] = levels as [LoadFigures, LoadFigures, LoadFigures];
  const best = Math.max(...levels.map((l) => l.perSecond));
  const figures: SignOffBench = {
    levels, recordBytes: Buffer.byteLength(row.body), rawInsertsPerSecond: { before, after, ceiling },
    ratioAt16: at16.perSecond / ceiling, ratioOfRawCeiling: best / ceiling, p99At16: at16.p99, maxAt64: at64.max,
    budgets: { ratioAt16: 0.5, p99At16Ms: 50, maxAt64Ms: 1000 },
    withinBudget: at16.perSecond / ceiling >= 0.5 && at16.p99 <= 50 && at64.max <= 1000,
  };
  console.log(`Raw durable inserts of a ${(figures.recordBytes / 1024).toFixed(1)} KB row: ${before.toFixed(0)}/s before, ${after.toFixed(0)}/s after.`);
  console.log(`At 16 connections: ${at16.perSecond.toFixed(0)}/s = ${(figures.ratioAt16 * 100).toFixed(1)}% of ${ceiling.toFixed(0)}/s (budget 50%), p99 ${ms(at16.p99)} (budget 50 ms). At 64: slowest ${ms(at64.max)} (budget 1 s).`);
  console.log(figures.withinBudget ? 'Sign-off within budget.' : 'Sign-off over budget.');
  return figures;
}

// Alone: a fresh database and the built server (`npm run build` first).
if (import.meta.main) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sign-off-'));
  const dbPath = join(dir, 'course.db');
  const db = openDatabase(dbPath);
  const tokens = seedAttempts(db, Number(process.env.BENCH_ATTEMPTS ?? 40_000));
  db.close();
  const server = await startServer(dbPath, await freePort(), { COURSE_RATE_SIGN_OFF: '100000000', ...(process.env.BENCH_SERVER_ENV ? JSON.parse(process.env.BENCH_SERVER_ENV) as Record<string, string> : {}) });
  try {
    await benchSignOff(server.base, dbPath, tokens);
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}
