/**
 * The dashboard at 20,000 and 100,000 members (issue 17): list, filter and search, and the CSV
 * export, each timed to its last byte, p50/p95/p99, two requests at a time. Each size gets its own
 * database and server; a fifth of the members have signed, a third have started, the due dates
 * spread either side of today. The first request, which computes every member's status once (as
 * after an upgrade or a new policy), is timed separately.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db.ts';
import { importRoster } from '../../src/lib/server/members.ts';
import { createAdmin } from '../../src/lib/server/admins.ts';
import { loadSigningKey, registerKey } from '../../src/lib/server/keys.ts';
import { freePort, startServer, stopServer } from '../../tests/e2e/spawn-server.ts';

export const DASHBOARD_BUDGET_MS = { 20_000: 300, 100_000: 1000 } as const;

const VIEWS = [
  ['list', '/admin/'],
  ['filter and search', '/admin/?pack=wyre&status=overdue&q=Ward+1&sort=due'],
  ['CSV export', '/admin/export.csv'],
] as const;

/** The value below which `p` per cent of the times fall (nearest rank). */
function percentile(times: readonly number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** A database of `members` members with statuses of every kind, and an admin. */
export async function seed(path: string, members: number): Promise<void> {
  const db = openDatabase(path);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
  importRoster(db, Array.from({ length: members }, (_, i) => ({
    name: `Member ${i}`, email: `member${i}@example.org`, role: i % 4 ? 'councillor' as const : 'co-opted member' as const,
    wardOrCommittee: `Ward ${i % 60}`, pack: i % 2 ? 'wyre' : 'ashfield', dueDate: day((i % 365) - 180).slice(0, 10),
  })), 'bench');
  // The key the server will load (made beside the database); the stand-in records below carry its ID but
  // no real signature: the dashboard reads their dates and versions only.
  const key = loadSigningKey({ database: path });
  registerKey(db, key);
  const { keyId } = key;
  db.exec('BEGIN');
  const attempt = db.prepare("INSERT INTO attempts (id, pack, questions, created_at, member_id, submitted_at, answers, correct, total, passed) VALUES (?, ?, '[]', ?, ?, ?, '[]', 9, 10, 1)");
  const record = db.prepare(`INSERT INTO records (id, pack, policy_version, content_hash, member_name, member_role, member_group, attempt_id, submission, signed_at, key_id, body, signature)
    VALUES (?, ?, 'old', 'old', ?, 'councillor', 'Ward', ?, ?, ?, ?, '{}', '')`);
  const linked = db.prepare('INSERT INTO record_members (record_id, member_id) VALUES (?, ?)');
  const event = db.prepare("INSERT INTO member_events (member_id, kind, item, correct, at) VALUES (?, 'lesson', 'start', NULL, ?)");
  for (let id = 1; id <= members; id++) {
    const pack = id % 2 ? 'ashfield' : 'wyre';
    if (id % 3 === 0) event.run(id, day(-(id % 90)));
    if (id % 5 === 0) {
      attempt.run(`attempt-${id}`, pack, day(-(id % 400)), id, day(-(id % 400)));
      record.run(`record-${id}`, pack, `Member ${id}`, `attempt-${id}`, `submission-${id}`, day(-(id % 400)), keyId);
      linked.run(`record-${id}`, id);
    }
  }
  db.exec('COMMIT');
  await createAdmin(db, { email: 'bench@example.org', name: 'Bench', password: 'a long bench password' }, 'bench');
  db.close();
}

/** Times `count` GETs of `path`, `connections` at a time, each to its last byte. */
async function time(base: string, path: string, cookie: string, count: number, connections = 2): Promise<number[]> {
  const times: number[] = [];
  let started = 0;
  const worker = async () => {
    while (started++ < count) {
      const t = performance.now();
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return times;
}

export interface DashboardFigures {
  members: number;
  budgetMs: number;
  firstRequestMs: number;
  views: { view: string; path: string; requests: number; p50: number; p95: number; p99: number }[];
}

/** Runs the dashboard bench at each size, printing a line per view; returns the figures for bench/results.json. */
export async function benchDashboard(sizes: readonly (keyof typeof DASHBOARD_BUDGET_MS)[] = [20_000, 100_000]): Promise<{ sizes: DashboardFigures[]; withinBudget: boolean }> {
  const figures: DashboardFigures[] = [];
  for (const members of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-dashboard-'));
    const path = join(dir, 'course.db');
    await seed(path, members);
    const server = await startServer(path, await freePort(), { COURSE_RATE_LOGIN: '100000000' });
    try {
      const login = await fetch(`${server.base}/admin/login/`, { method: 'POST', redirect: 'manual', headers: { origin: server.base, 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=bench%40example.org&password=a+long+bench+password' });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const [firstRequestMs] = await time(server.base, '/admin/', cookie, 1, 1);
      const requests = members > 50_000 ? 20 : 60;
      const views = [];
      for (const [view, path] of VIEWS) {
        await time(server.base, path, cookie, 2); // warm
        const times = await time(server.base, path, cookie, requests);
        const row = { view, path, requests, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
        views.push(row);
        console.log(`${members.toLocaleString('en-GB').padStart(7)} members  ${view.padEnd(18)} p50 ${row.p50.toFixed(1)} ms  p95 ${row.p95.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms`);
      }
      console.log(`${members.toLocaleString('en-GB').padStart(7)} members  first request (every status computed once): ${firstRequestMs!.toFixed(0)} ms`);
      figures.push({ members, budgetMs: DASHBOARD_BUDGET_MS[members], firstRequestMs: firstRequestMs!, views });
    } finally {
      await stopServer(server);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const withinBudget = figures.every((f) => f.views.every((v) => v.p99 <= f.budgetMs));
  console.log(`Budget: p99 within 300 ms at 20,000 members and 1 s at 100,000: ${withinBudget ? 'met' : 'NOT met'}.`);
  return { sizes: figures, withinBudget };
}

// `node scripts/bench/dashboard.ts [members…]`: this part of the bench alone (needs `npm run build` first).
if (import.meta.main) {
  const sizes = process.argv.slice(2).map(Number).filter((n): n is keyof typeof DASHBOARD_BUDGET_MS => n in DASHBOARD_BUDGET_MS);
  await benchDashboard(sizes.length ? sizes : undefined);
}
